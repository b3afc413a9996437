package org.paydesk.application.cart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.paydesk.application.cart.port.in.CartUseCase;
import org.paydesk.application.cart.port.in.PaymentOptions;
import org.paydesk.application.cart.port.out.CartRepository;
import org.paydesk.application.cart.port.out.WalletSettings;
import org.paydesk.application.catalog.port.out.CatalogRepository;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.order.port.out.SalesOrderRepository;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.cart.Cart;
import org.paydesk.domain.cart.CartId;
import org.paydesk.domain.cart.CartStatus;
import org.paydesk.domain.catalog.CatalogItem;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.OrderSource;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.shared.DomainException;

/** A buyer's carts, priced from the catalogue, and the ways they can be paid. */
@ApplicationScoped
public class CartService implements CartUseCase {

    private static final Set<PaymentMethodType> WALLETS = EnumSet.of(PaymentMethodType.APPLE_PAY,
            PaymentMethodType.GOOGLE_PAY);

    private final CartRepository carts;
    private final CatalogRepository catalog;
    private final CustomerRepository customers;
    private final SalesOrderRepository orders;
    private final WalletSettings walletSettings;
    private final PaymentProcessor processor;
    private final AuditTrail audit;
    private final TimeSource time;

    @Inject
    public CartService(CartRepository carts, CatalogRepository catalog, CustomerRepository customers,
            SalesOrderRepository orders, WalletSettings walletSettings, PaymentProcessor processor, AuditTrail audit,
            TimeSource time) {
        this.carts = carts;
        this.catalog = catalog;
        this.customers = customers;
        this.orders = orders;
        this.walletSettings = walletSettings;
        this.processor = processor;
        this.audit = audit;
        this.time = time;
    }

    @Override
    @Transactional
    public Cart open(CustomerId owner, Actor actor) {
        Customer customer = customers.find(owner).orElseThrow(() -> new DomainException("customer_not_found",
                "customerId", "no customer " + owner));
        Instant now = time.now();
        Cart cart = Cart.open(carts.nextId(), customer.id(), customer.currency(), now);
        carts.add(cart);
        audit.record(new AuditEntry(now, actor, "cart.opened", "cart", cart.id().toString(), "ok",
                "for customer " + owner));
        return cart;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cart get(CartId id, CustomerId owner) {
        return carts.find(id).filter(cart -> cart.belongsTo(owner))
                .orElseThrow(() -> new NotFoundException("cart " + id));
    }

    @Override
    @Transactional
    public Cart setQuantity(CartId id, CustomerId owner, String sku, int quantity) {
        Cart cart = get(id, owner);
        CatalogItem item = catalog.find(new Sku(sku)).orElseThrow(() -> new DomainException("item_not_found",
                "sku", "no catalogue item " + sku));
        cart.setQuantity(item, quantity, time.now());
        carts.update(cart);
        return cart;
    }

    @Override
    @Transactional
    public Cart remove(CartId id, CustomerId owner, String sku) {
        Cart cart = get(id, owner);
        cart.remove(new Sku(sku), time.now());
        carts.update(cart);
        return cart;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public PaymentOptions paymentOptions(CartId id, CustomerId owner) {
        get(id, owner);
        return new PaymentOptions(List.of(new PaymentOptions.Option(PaymentMethodType.CARD, offeredWallets()),
                new PaymentOptions.Option(PaymentMethodType.ACH, List.of())));
    }

    /** The wallets offered with card: enabled by the merchant and supported by the processor, in a fixed order. */
    public List<PaymentMethodType> offeredWallets() {
        Set<PaymentMethodType> supported = processor.supportedWallets();
        return walletSettings.enabledWallets().stream().filter(supported::contains).sorted().toList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<PaymentMethodType> enabledWallets() {
        return walletSettings.enabledWallets();
    }

    @Override
    @Transactional
    public Set<PaymentMethodType> enableWallets(Set<PaymentMethodType> wallets, Actor actor) {
        for (PaymentMethodType wallet : wallets) {
            if (!WALLETS.contains(wallet)) {
                throw new DomainException("not_a_wallet", "wallets", wallet + " is not a wallet");
            }
            if (!processor.supportedWallets().contains(wallet)) {
                throw new DomainException("wallet_not_supported", "wallets",
                        "the payment processor does not take " + wallet);
            }
        }
        walletSettings.enableWallets(wallets);
        audit.record(new AuditEntry(time.now(), actor, "settings.wallets_changed", "settings", "checkout", "ok",
                wallets.toString()));
        return walletSettings.enabledWallets();
    }

    /**
     * The order a checkout pays: made from the cart the first time, under the customer's lock, so concurrent
     * checkouts of one cart all find the same single order.
     *
     * @throws DomainException {@code cart_empty}
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SalesOrderId orderFor(CartId id, CustomerId owner, Actor actor) {
        customers.lock(owner).orElseThrow(() -> new NotFoundException("cart " + id));
        Cart cart = get(id, owner);
        if (cart.status() == CartStatus.CHECKED_OUT) {
            return cart.orderId();
        }
        cart.requireLines();
        Instant now = time.now();
        SalesOrderId orderId = orders.nextId();
        SalesOrder order = SalesOrder.place(orderId, "EC-" + orderId, owner, OrderSource.ECOMMERCE, cart.lines(),
                now);
        orders.add(order);
        cart.checkOut(orderId, now);
        carts.update(cart);
        audit.record(new AuditEntry(now, actor, "cart.checked_out", "cart", id.toString(), "ok",
                "order " + order.number() + " for " + order.total()));
        return orderId;
    }

    /** @throws DomainException {@code wallet_not_enabled} when a wallet is not offered at checkout */
    public void requireOffered(PaymentMethodType type) {
        if (WALLETS.contains(type) && !offeredWallets().contains(type)) {
            throw new DomainException("wallet_not_enabled", "paymentMethod.type",
                    type + " is not enabled for checkout");
        }
    }

    /** For CDI's proxy only. */
    protected CartService() {
        this(null, null, null, null, null, null, null, null);
    }
}
