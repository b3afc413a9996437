package org.paydesk.application.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paydesk.application.catalog.port.out.CatalogRepository;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.order.port.in.FindOrdersQuery;
import org.paydesk.application.order.port.in.ManageOrdersUseCase;
import org.paydesk.application.order.port.in.OrderCriteria;
import org.paydesk.application.order.port.in.OrderLineRequest;
import org.paydesk.application.order.port.in.PlaceOrderCommand;
import org.paydesk.application.order.port.in.PlaceOrderUseCase;
import org.paydesk.application.order.port.out.SalesOrderRepository;
import org.paydesk.application.payment.port.out.PaymentRepository;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.catalog.CatalogItem;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.order.OrderLine;
import org.paydesk.domain.order.OrderSource;
import org.paydesk.domain.order.OrderStatus;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.shared.DomainException;

/** Order Entry: places orders, finds them, confirms them on account, cancels them. */
@ApplicationScoped
public class OrderService implements PlaceOrderUseCase, FindOrdersQuery, ManageOrdersUseCase {

    private final SalesOrderRepository orders;
    private final CustomerRepository customers;
    private final CatalogRepository catalog;
    private final PaymentRepository payments;
    private final OrderInvoicing invoicing;
    private final AuditTrail audit;
    private final TimeSource time;

    @Inject
    public OrderService(SalesOrderRepository orders, CustomerRepository customers, CatalogRepository catalog,
            PaymentRepository payments, OrderInvoicing invoicing, AuditTrail audit, TimeSource time) {
        this.orders = orders;
        this.customers = customers;
        this.catalog = catalog;
        this.payments = payments;
        this.invoicing = invoicing;
        this.audit = audit;
        this.time = time;
    }

    @Override
    @Transactional
    public SalesOrder place(PlaceOrderCommand command) {
        Customer customer = customers.find(command.customerId())
                .orElseThrow(() -> new DomainException("customer_not_found", "customerId",
                        "no customer " + command.customerId()));
        List<OrderLine> lines = priced(command.lines(), customer);
        SalesOrderId id = orders.nextId();
        String number = command.number() == null || command.number().isBlank()
                ? prefix(command.source()) + id : command.number();
        Instant now = time.now();
        SalesOrder order = SalesOrder.place(id, number, customer.id(), command.source(), lines, now);
        if (orders.numberTaken(order.number())) {
            throw new ConflictException("order_number_taken", "number",
                    "an order numbered " + order.number() + " already exists");
        }
        orders.add(order);
        audit.record(new AuditEntry(now, command.actor(), "order.placed", "order", id.toString(), "ok",
                order.number() + " for " + order.total() + ", " + lines.size() + " line(s), " + order.source()));
        return order;
    }

    static String prefix(OrderSource source) {
        return source == OrderSource.ECOMMERCE ? "EC-" : "SO-";
    }

    private List<OrderLine> priced(List<OrderLineRequest> requested, Customer customer) {
        if (requested.isEmpty()) {
            throw new DomainException("order_empty", "lines", "an order needs at least one line");
        }
        if (requested.size() > SalesOrder.MAX_LINES) {
            throw new DomainException("too_many_lines", "lines",
                    "an order has at most " + SalesOrder.MAX_LINES + " lines");
        }
        List<OrderLine> lines = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            String field = "lines[" + i + "]";
            try {
                lines.add(priced(requested.get(i), customer));
            } catch (DomainException refused) {
                throw refused.at(field + "." + refused.field());
            }
        }
        return lines;
    }

    private OrderLine priced(OrderLineRequest line, Customer customer) {
        Sku sku = new Sku(line.sku());
        Optional<CatalogItem> item = catalog.find(sku);
        if ((line.unitPrice() == null || line.description() == null) && item.isEmpty()) {
            throw new DomainException("item_not_found", "sku",
                    "no catalogue item " + sku + "; give the line's description and unitPrice");
        }
        var price = line.unitPrice() != null ? line.unitPrice() : item.get().unitPrice();
        if (!price.currency().equals(customer.currency())) {
            throw new DomainException("currency_mismatch", "unitPrice", "customer " + customer.number()
                    + " is billed in " + customer.currency().getCurrencyCode());
        }
        String description = line.description() != null ? line.description() : item.get().description();
        return new OrderLine(sku, description, line.quantity(), price);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public SalesOrder get(SalesOrderId id) {
        return orders.find(id).orElseThrow(() -> new NotFoundException("order " + id));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SalesOrder> search(OrderCriteria criteria, PageRequest page) {
        return orders.search(criteria, page);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SalesOrder> paidBy(PaymentId payment) {
        return orders.findByPayment(payment);
    }

    @Override
    @Transactional
    public SalesOrder confirm(SalesOrderId id, Actor actor) {
        SalesOrder order = lockedOrder(id);
        Customer customer = customers.find(order.customerId()).orElseThrow();
        if (customer.preferences().requirePaymentOnConfirmation() && order.status() == OrderStatus.OPEN) {
            throw new DomainException("payment_required", "orderId", "customer " + customer.number()
                    + " requires payment upon confirmation: use Pay & Confirm");
        }
        requireNoPaymentRunning(order);
        Instant now = time.now();
        Receivable invoice = invoicing.invoiceFor(order, false, now);
        order.confirmUnpaid(invoice.id(), now);
        invoicing.store(invoice);
        orders.update(order);
        audit.record(new AuditEntry(now, actor, "order.confirmed", "order", id.toString(), "ok",
                "on account, invoice " + invoice.number() + " due " + invoice.dueDate()));
        return order;
    }

    @Override
    @Transactional
    public SalesOrder cancel(SalesOrderId id, Actor actor) {
        SalesOrder order = lockedOrder(id);
        requireNoPaymentRunning(order);
        Instant now = time.now();
        order.cancel(now);
        orders.update(order);
        audit.record(new AuditEntry(now, actor, "order.cancelled", "order", id.toString(), "ok", order.number()));
        return order;
    }

    /** The order, read again under its customer's lock, the lock every payment of the customer takes too. */
    private SalesOrder lockedOrder(SalesOrderId id) {
        SalesOrder unlocked = get(id);
        customers.lock(unlocked.customerId()).orElseThrow();
        return get(id);
    }

    /**
     * @throws ConflictException {@code payment_in_progress} while the order's latest payment awaits the processor
     */
    public void requireNoPaymentRunning(SalesOrder order) {
        if (order.paymentId() == null) {
            return;
        }
        Payment latest = payments.find(order.paymentId()).orElseThrow();
        if (latest.status().awaitsProcessor() && order.status() == OrderStatus.OPEN) {
            throw new ConflictException("payment_in_progress", "orderId", "payment " + latest.id()
                    + " for order " + order.number() + " is still being processed");
        }
    }

    /** For CDI's proxy only. */
    protected OrderService() {
        this(null, null, null, null, null, null, null);
    }
}
