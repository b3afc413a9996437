package org.paydesk.domain.paymentlink;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.AllocationRequest;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;
import org.paydesk.domain.shared.Text;

/**
 * A link emailed with an invoice (or a statement) that lets the customer pay it themselves.
 *
 * <p>Invariants: only a hash of the link's secret is kept; the link names one or more invoices of one customer,
 * fixed when it is sent; it is active for {@link #ACTIVE_FOR} from the first time it is opened (never before that
 * opening starts the clock), then expired for good; it is closed (PAID) as soon as none of its invoices has an open
 * balance, whichever channel paid them; and what it charges is exactly its invoices' current open balances, never
 * more, so a link can never overpay an invoice.
 */
public final class PaymentLink {

    /** How long a link works after it was first opened. */
    public static final Duration ACTIVE_FOR = Duration.ofHours(24);
    /** Invoices per link at most (a statement lists the customer's open invoices). */
    public static final int MAX_INVOICES = 200;

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private final PaymentLinkId id;
    private final PaymentLinkKind kind;
    private final CustomerId customerId;
    private final List<ReceivableId> invoices;
    private final String recipientEmail;
    private final String secretHash;
    private final String sentBy;
    private final Instant sentAt;
    private Instant openedAt;
    private PaymentId lastPaymentId;
    private Instant lastPaymentAt;
    private final long version;

    private PaymentLink(PaymentLinkId id, PaymentLinkKind kind, CustomerId customerId, List<ReceivableId> invoices,
            String recipientEmail, String secretHash, String sentBy, Instant sentAt, Instant openedAt,
            PaymentId lastPaymentId, Instant lastPaymentAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        if (invoices == null || invoices.isEmpty() || invoices.size() > MAX_INVOICES) {
            throw new IllegalArgumentException("a payment link names 1 to " + MAX_INVOICES + " invoices");
        }
        if (invoices.stream().distinct().count() != invoices.size()) {
            throw new IllegalArgumentException("a payment link names each invoice once");
        }
        if (kind == PaymentLinkKind.INVOICE && invoices.size() != 1) {
            throw new IllegalArgumentException("an invoice link names one invoice");
        }
        this.invoices = List.copyOf(invoices);
        this.recipientEmail = recipientEmail;
        if (secretHash == null || !HASH.matcher(secretHash).matches()) {
            throw new IllegalArgumentException("secretHash must be a hex SHA-256");
        }
        this.secretHash = secretHash;
        this.sentBy = Objects.requireNonNull(sentBy, "sentBy");
        this.sentAt = Objects.requireNonNull(sentAt, "sentAt");
        this.openedAt = openedAt;
        this.lastPaymentId = lastPaymentId;
        this.lastPaymentAt = lastPaymentAt;
        this.version = version;
    }

    /**
     * A link sent now to {@code recipientEmail} for {@code invoices}, which must all be this customer's and open.
     *
     * @throws DomainException {@code invalid_email} (field {@code email}); {@code invoice_not_open} when an invoice
     *     has nothing left to pay; {@code invoice_not_found} when an invoice is another customer's
     */
    public static PaymentLink send(PaymentLinkId id, PaymentLinkKind kind, CustomerId customerId,
            List<Receivable> invoices, String recipientEmail, String secretHash, String sentBy, Instant now) {
        String email = Text.email(recipientEmail, "email");
        List<ReceivableId> ids = new ArrayList<>();
        for (Receivable invoice : invoices) {
            if (!invoice.belongsTo(customerId)) {
                throw new DomainException("invoice_not_found", null, "invoice " + invoice.id()
                        + " is not this customer's");
            }
            if (!invoice.isOpen()) {
                throw new DomainException("invoice_not_open", null, "invoice " + invoice.number()
                        + " has no open balance");
            }
            ids.add(invoice.id());
        }
        if (ids.isEmpty()) {
            throw new DomainException("nothing_open", null, "the customer has no open invoices");
        }
        return new PaymentLink(id, kind, customerId, ids, email, secretHash, sentBy, now, null, null, null, 0);
    }

    public static PaymentLink restore(PaymentLinkId id, PaymentLinkKind kind, CustomerId customerId,
            List<ReceivableId> invoices, String recipientEmail, String secretHash, String sentBy, Instant sentAt,
            Instant openedAt, PaymentId lastPaymentId, Instant lastPaymentAt, long version) {
        return new PaymentLink(id, kind, customerId, invoices, recipientEmail, secretHash, sentBy, sentAt, openedAt,
                lastPaymentId, lastPaymentAt, version);
    }

    /**
     * @param openTotal what is open now on the link's invoices ({@link #openTotal})
     */
    public PaymentLinkStatus status(Instant now, Money openTotal) {
        if (!openTotal.isPositive()) {
            return PaymentLinkStatus.PAID;
        }
        if (openedAt == null) {
            return PaymentLinkStatus.SENT;
        }
        return now.isBefore(activeUntil()) ? PaymentLinkStatus.OPENED : PaymentLinkStatus.EXPIRED;
    }

    /** When the link stops working, or {@code null} while it was never opened (the clock has not started). */
    public Instant activeUntil() {
        return openedAt == null ? null : openedAt.plus(ACTIVE_FOR);
    }

    /**
     * The customer opened the link: the first opening starts the 24 hours; later ones change nothing.
     *
     * @throws DomainException {@code link_expired} when the 24 hours are over
     */
    public void markOpened(Instant now) {
        if (openedAt == null) {
            openedAt = Objects.requireNonNull(now, "now");
        } else if (!now.isBefore(activeUntil())) {
            throw new DomainException("link_expired", null, "this payment link has expired");
        }
    }

    /** The sum of the current open balances of the link's invoices among {@code current} (by id). */
    public Money openTotal(Map<ReceivableId, Receivable> current, Money zero) {
        Money total = zero;
        for (ReceivableId invoice : invoices) {
            Receivable found = current.get(invoice);
            if (found != null && found.isOpen()) {
                total = total.plus(found.openBalance());
            }
        }
        return total;
    }

    /**
     * What paying the link now charges: each of its invoices that is still open, at its current open balance. The
     * total is exactly what is open, never more.
     *
     * @throws DomainException {@code link_paid} when nothing is open any more; {@code link_expired} when the 24
     *     hours since the first opening are over
     */
    public List<AllocationRequest> allocationsToPay(Map<ReceivableId, Receivable> current, Instant now) {
        List<AllocationRequest> allocations = new ArrayList<>();
        for (ReceivableId invoice : invoices) {
            Receivable found = current.get(invoice);
            if (found != null && found.belongsTo(customerId) && found.isOpen()) {
                allocations.add(new AllocationRequest(invoice, found.openBalance()));
            }
        }
        if (allocations.isEmpty()) {
            throw new DomainException("link_paid", null, "the invoices of this link are paid");
        }
        if (openedAt != null && !now.isBefore(activeUntil())) {
            throw new DomainException("link_expired", null, "this payment link has expired");
        }
        return List.copyOf(allocations);
    }

    /** A payment was taken through the link (the invoices' balances say whether it closed the link). */
    public void paymentTaken(PaymentId payment, Instant now) {
        lastPaymentId = Objects.requireNonNull(payment, "payment");
        lastPaymentAt = Objects.requireNonNull(now, "now");
    }

    public PaymentLinkId id() {
        return id;
    }

    public PaymentLinkKind kind() {
        return kind;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public List<ReceivableId> invoices() {
        return invoices;
    }

    public String recipientEmail() {
        return recipientEmail;
    }

    public String secretHash() {
        return secretHash;
    }

    public String sentBy() {
        return sentBy;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public PaymentId lastPaymentId() {
        return lastPaymentId;
    }

    public Instant lastPaymentAt() {
        return lastPaymentAt;
    }

    public long version() {
        return version;
    }
}
