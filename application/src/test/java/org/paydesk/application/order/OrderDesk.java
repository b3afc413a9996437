package org.paydesk.application.order;

import java.util.List;
import java.util.function.Function;
import org.paydesk.application.cart.CartService;
import org.paydesk.application.cart.CheckoutService;
import org.paydesk.application.catalog.CatalogService;
import org.paydesk.application.catalog.port.in.AddCatalogItemCommand;
import org.paydesk.application.fake.InMemoryCartRepository;
import org.paydesk.application.fake.InMemoryCatalogRepository;
import org.paydesk.application.fake.InMemorySalesOrderRepository;
import org.paydesk.application.fake.InMemoryWalletSettings;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.order.port.in.OrderLineRequest;
import org.paydesk.application.order.port.in.PlaceOrderCommand;
import org.paydesk.application.payment.PaymentDesk;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.order.OrderSource;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.shared.Money;

/** Order Entry and e-commerce wired to the payment desk's fakes, with short ways to place orders and fill carts. */
public final class OrderDesk {

    public final PaymentDesk payments = new PaymentDesk();
    public final InMemorySalesOrderRepository orders = new InMemorySalesOrderRepository();
    public final InMemoryCatalogRepository catalog = new InMemoryCatalogRepository();
    public final InMemoryCartRepository carts = new InMemoryCartRepository();
    public final InMemoryWalletSettings wallets = new InMemoryWalletSettings();
    public final OrderInvoicing invoicing = new OrderInvoicing(payments.receivables);
    public final OrderService orderService = new OrderService(orders, payments.customers, catalog, payments.payments,
            invoicing, payments.audit, payments.time);
    public final OrderPaymentService payAndConfirm = new OrderPaymentService(orders, payments.receiving,
            orderService, invoicing, payments.audit, payments.time);
    public final CatalogService catalogService = new CatalogService(catalog, payments.audit, payments.time);
    public final CartService cartService = new CartService(carts, catalog, payments.customers, orders, wallets,
            payments.processor, payments.audit, payments.time);
    public final CheckoutService checkout = new CheckoutService(cartService, payAndConfirm);

    /** Renders what a REST resource would: the payment's status and the order's. */
    public final Function<Payment, StoredResponse> render = payment -> new StoredResponse(201, "application/json",
            null, "{\"payment\":" + payment.id() + ",\"status\":\"" + payment.status() + "\",\"order\":\""
                    + orders.findByPayment(payment.id()).map(o -> o.status().name()).orElse("none") + "\"}");

    private int keys;

    public OrderDesk() {
        payments.recorded.observe(payAndConfirm::onPaymentRecorded);
    }

    public SalesOrder order(Customer customer, String... linesAsSkuQuantityPrice) {
        List<OrderLineRequest> lines = java.util.Arrays.stream(linesAsSkuQuantityPrice).map(line -> {
            String[] parts = line.split(":");
            return new OrderLineRequest(parts[0], "Item " + parts[0], Integer.parseInt(parts[1]),
                    Money.parse(parts[2], "USD"));
        }).toList();
        return orderService.place(new PlaceOrderCommand(customer.id(), null, OrderSource.STAFF, lines,
                PaymentDesk.CASHIER));
    }

    public void item(String sku, String price) {
        catalogService.save(new AddCatalogItemCommand(sku, "Item " + sku, Money.parse(price, "USD"), true,
                PaymentDesk.CASHIER));
    }

    /** A new request with a fresh key, as each click of a different browser tab would send. */
    public IdempotentRequest request() {
        return new IdempotentRequest("buyer POST", "key-" + (++keys), "fingerprint");
    }

    public SalesOrder stored(SalesOrder order) {
        return orders.find(order.id()).orElseThrow();
    }

    public Receivable invoiceOf(SalesOrder order) {
        return payments.receivables.find(stored(order).receivableId()).orElseThrow();
    }
}
