package org.paydesk.application.paymentlink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.order.port.out.SalesOrderRepository;
import org.paydesk.application.idempotency.port.in.IdempotencyClaim;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.idempotency.port.in.IdempotentRequests;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.notification.port.out.Outbox;
import org.paydesk.application.payment.PaymentPurpose;
import org.paydesk.application.payment.ReceivePaymentService;
import org.paydesk.application.payment.port.in.ReceivePaymentCommand;
import org.paydesk.application.paymentlink.port.in.LinkPage;
import org.paydesk.application.paymentlink.port.in.LinkedInvoice;
import org.paydesk.application.paymentlink.port.in.PayByLinkUseCase;
import org.paydesk.application.paymentlink.port.in.PaymentLinkView;
import org.paydesk.application.paymentlink.port.in.SendInvoiceLinkCommand;
import org.paydesk.application.paymentlink.port.in.SendOrderLinkCommand;
import org.paydesk.application.paymentlink.port.in.SendPaymentLinkUseCase;
import org.paydesk.application.paymentlink.port.in.SendStatementLinkCommand;
import org.paydesk.application.paymentlink.port.out.PaymentLinkRepository;
import org.paydesk.application.paymentmethod.LinkSecrets;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.LinkUnavailableException;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;
import org.paydesk.application.paymentmethod.port.out.PaymentDetailsTokenizer;
import org.paydesk.application.paymentmethod.port.out.SecretGenerator;
import org.paydesk.application.receivable.port.out.ReceivableRepository;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.payment.AllocationRequest;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.paymentlink.PaymentLink;
import org.paydesk.domain.paymentlink.PaymentLinkId;
import org.paydesk.domain.paymentlink.PaymentLinkKind;
import org.paydesk.domain.paymentlink.PaymentLinkStatus;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Text;
import org.paydesk.domain.shared.Money;

/**
 * Payment links, from staff emailing an invoice or statement to the customer paying it on the hosted page. The
 * secret exists in clear only in the e-mail (and in the outbox until that is sent); links are found by its hash.
 * Paying goes through {@link ReceivePaymentService} with explicit allocations at the invoices' current balances, so
 * the ledger's own checks (under the customer's lock) make overpaying impossible; the link itself is re-checked and
 * locked in that same transaction.
 */
@ApplicationScoped
public class PaymentLinkService implements SendPaymentLinkUseCase, PayByLinkUseCase {

    private final CustomerRepository customers;
    private final ReceivableRepository receivables;
    private final PaymentLinkRepository links;
    private final SecretGenerator secrets;
    private final Outbox outbox;
    private final PaymentDetailsTokenizer tokenizer;
    private final ReceivePaymentService receiving;
    private final IdempotentRequests keys;
    private final AuditTrail audit;
    private final TimeSource time;
    private final SalesOrderRepository orders;

    @Inject
    public PaymentLinkService(CustomerRepository customers, ReceivableRepository receivables,
            PaymentLinkRepository links, SecretGenerator secrets, Outbox outbox, PaymentDetailsTokenizer tokenizer,
            ReceivePaymentService receiving, IdempotentRequests keys, AuditTrail audit, TimeSource time,
            SalesOrderRepository orders) {
        this.customers = customers;
        this.receivables = receivables;
        this.links = links;
        this.secrets = secrets;
        this.outbox = outbox;
        this.tokenizer = tokenizer;
        this.receiving = receiving;
        this.keys = keys;
        this.audit = audit;
        this.time = time;
        this.orders = orders;
    }

    @Override
    @Transactional
    public PaymentLinkView sendForInvoice(SendInvoiceLinkCommand command) {
        Receivable invoice = receivables.find(command.invoice())
                .orElseThrow(() -> new NotFoundException("receivable " + command.invoice()));
        Customer customer = customers.find(invoice.customerId())
                .orElseThrow(() -> new NotFoundException("receivable " + command.invoice()));
        return send(PaymentLinkKind.INVOICE, customer, List.of(invoice), command.recipientEmail(), command.actor());
    }

    @Override
    @Transactional
    public Optional<PaymentLinkView> emailInvoice(SendInvoiceLinkCommand command) {
        Receivable invoice = receivables.find(command.invoice())
                .orElseThrow(() -> new NotFoundException("receivable " + command.invoice()));
        Customer customer = customers.find(invoice.customerId())
                .orElseThrow(() -> new NotFoundException("receivable " + command.invoice()));
        if (customer.preferences().paymentLinksEnabled()) {
            return Optional.of(sendForInvoice(command));
        }
        String email = Text.email(command.recipientEmail(), "email");
        if (!invoice.isOpen()) {
            throw new DomainException("invoice_not_open", null, "invoice " + invoice.number() + " is paid");
        }
        Instant now = time.now();
        outbox.enqueue(PaymentLinkMails.invoiceOnly(customer, invoice, email, command.actor().name()), now);
        audit.record(new AuditEntry(now, command.actor(), "invoice.emailed", "customer", customer.id().toString(),
                "ok", "invoice " + invoice.number() + " without a payment link (customer opted out) to " + email));
        return Optional.empty();
    }

    @Override
    @Transactional
    public PaymentLinkView sendForOrder(SendOrderLinkCommand command) {
        SalesOrder order = orders.find(command.order())
                .orElseThrow(() -> new NotFoundException("order " + command.order()));
        if (order.receivableId() == null) {
            throw new DomainException("order_not_invoiced", "orderId",
                    "order " + order.number() + " has no invoice yet; confirm it first");
        }
        return sendForInvoice(new SendInvoiceLinkCommand(order.receivableId(), command.recipientEmail(),
                command.actor()));
    }

    @Override
    @Transactional
    public PaymentLinkView sendStatement(SendStatementLinkCommand command) {
        Customer customer = customers.find(command.customer())
                .orElseThrow(() -> new NotFoundException("customer " + command.customer()));
        return send(PaymentLinkKind.STATEMENT, customer, receivables.allOpenFor(customer.id()),
                command.recipientEmail(), command.actor());
    }

    private PaymentLinkView send(PaymentLinkKind kind, Customer customer, List<Receivable> invoices, String email,
            Actor actor) {
        requireLinksEnabled(customer);
        if (invoices.size() > PaymentLink.MAX_INVOICES) {
            throw new DomainException("too_many_invoices", null, "a statement link pays at most "
                    + PaymentLink.MAX_INVOICES + " invoices; send invoice links instead");
        }
        String secret = secrets.newSecret();
        Instant now = time.now();
        PaymentLink link = PaymentLink.send(links.nextId(), kind, customer.id(), invoices, email,
                LinkSecrets.hash(secret), actor.name(), now);
        links.add(link);
        Money total = link.openTotal(byId(invoices), Money.zero(customer.currency()));
        outbox.enqueue(PaymentLinkMails.of(link, customer, invoices, total, secret,
                now.atZone(ZoneOffset.UTC).toLocalDate().toString()), now);
        audit.record(new AuditEntry(now, actor, "payment_link.sent", "customer", customer.id().toString(), "ok",
                kind.name().toLowerCase() + " link " + link.id() + " for " + total + " ("
                        + invoices.stream().map(Receivable::number).toList() + ") to " + link.recipientEmail()));
        return new PaymentLinkView(link, link.status(now, total), invoices.stream().map(LinkedInvoice::of).toList(),
                total);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public PaymentLinkView get(PaymentLinkId id) {
        PaymentLink link = links.find(id).orElseThrow(() -> new NotFoundException("payment link " + id));
        Customer customer = customers.find(link.customerId())
                .orElseThrow(() -> new NotFoundException("payment link " + id));
        Map<ReceivableId, Receivable> current = receivables.findAll(link.invoices());
        List<LinkedInvoice> invoices = link.invoices().stream().map(current::get)
                .filter(invoice -> invoice != null && invoice.belongsTo(link.customerId()))
                .map(LinkedInvoice::of).toList();
        Money total = link.openTotal(current, Money.zero(customer.currency()));
        return new PaymentLinkView(link, link.status(time.now(), total), invoices, total);
    }

    private static void requireLinksEnabled(Customer customer) {
        if (!customer.preferences().paymentLinksEnabled()) {
            throw new DomainException("payment_links_disabled", null, "customer " + customer.number()
                    + " is opted out of payment links; send the invoice without a link");
        }
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public LinkPage open(String secret) {
        PaymentLink link = find(secret);
        Customer customer = customers.find(link.customerId()).orElseThrow(LinkUnavailableException::new);
        Map<ReceivableId, Receivable> current = receivables.findAll(link.invoices());
        List<LinkedInvoice> invoices = new ArrayList<>();
        for (ReceivableId id : link.invoices()) {
            Receivable invoice = current.get(id);
            if (invoice != null && invoice.belongsTo(link.customerId())) {
                invoices.add(LinkedInvoice.of(invoice));
            }
        }
        Money total = link.openTotal(current, Money.zero(customer.currency()));
        return new LinkPage(customer.name(), link.sentBy(), link.kind(), invoices, total,
                link.status(time.now(), total), link.activeUntil());
    }

    @Override
    @Transactional
    public void markOpened(String secret) {
        PaymentLink found = find(secret);
        PaymentLink link = links.lock(found.id()).orElseThrow(LinkUnavailableException::new);
        if (link.openedAt() == null) {
            Instant now = time.now();
            link.markOpened(now);
            links.update(link);
            audit.record(new AuditEntry(now, Actor.system("payment-link:" + link.id()), "payment_link.opened",
                    "customer", link.customerId().toString(), "ok", "link " + link.id() + " active until "
                            + link.activeUntil()));
        }
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public TokenizedPaymentMethod tokenizeCard(String secret, CardDetails card) {
        payable(secret);
        return tokenizer.tokenizeCard(card);
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public TokenizedPaymentMethod tokenizeBankAccount(String secret, BankAccountDetails account) {
        payable(secret);
        return tokenizer.tokenizeBankAccount(account);
    }

    /**
     * Reads what is open now, then pays exactly that. The ledger applies the allocations under the customer's lock
     * and refuses any that exceeds an invoice's balance by then; in the same transaction the link is locked and
     * checked again, so a payment is never taken through an expired link.
     */
    @Override
    @Transactional(Transactional.TxType.NEVER)
    public IdempotentAnswer pay(String secret, PaymentMethod method, Actor payer, IdempotentRequest request,
            Function<Payment, StoredResponse> respond) {
        PaymentLink link = find(secret);
        List<AllocationRequest> allocations;
        try {
            allocations = link.allocationsToPay(receivables.findAll(link.invoices()), time.now());
        } catch (DomainException closed) {
            // A double click whose first post paid the link: show what that post answered.
            if ("link_paid".equals(closed.code()) && link.lastPaymentId() != null) {
                IdempotencyClaim state = keys.claim(request.scope(), request.key(), request.fingerprint());
                if (state.isReplay()) {
                    return new IdempotentAnswer(state.replay().orElseThrow(), true);
                }
                keys.release(request.scope(), request.key());
            }
            throw closed;
        }
        Money total = allocations.stream().map(AllocationRequest::amount).reduce(Money::plus).orElseThrow();
        Actor actor = new Actor("payment-link:" + link.id(), payer.origin());
        ReceivePaymentCommand command = new ReceivePaymentCommand(link.customerId(), total, method, allocations,
                PaymentChannel.PAYMENT_LINK, null, actor);
        return receiving.receive(command, request, respond, payingThrough(link.id()));
    }

    /** Runs in the transaction that records the payment, under the customer's lock, before anything is charged. */
    private PaymentPurpose payingThrough(PaymentLinkId id) {
        return payment -> {
            PaymentLink link = links.lock(id).orElseThrow(LinkUnavailableException::new);
            Instant now = time.now();
            if (link.activeUntil() != null && !now.isBefore(link.activeUntil())) {
                throw new DomainException("link_expired", null, "this payment link has expired");
            }
            if (!link.invoices().containsAll(payment.allocations().stream().map(a -> a.receivableId()).toList())) {
                throw new ConflictException("link_changed", null, "the payment names invoices of another link");
            }
            link.paymentTaken(payment.id(), now);
            links.update(link);
            audit.record(new AuditEntry(now, Actor.system("payment-link:" + link.id()), "payment_link.paying",
                    "payment", payment.id().toString(), "ok", "link " + link.id() + " pays " + payment.amount()));
        };
    }

    private void payable(String secret) {
        PaymentLink link = find(secret);
        Money total = link.openTotal(receivables.findAll(link.invoices()), Money.zero(currencyOf(link)));
        PaymentLinkStatus status = link.status(time.now(), total);
        if (status == PaymentLinkStatus.PAID) {
            throw new DomainException("link_paid", null, "the invoices of this link are paid");
        }
        if (status == PaymentLinkStatus.EXPIRED) {
            throw new DomainException("link_expired", null, "this payment link has expired");
        }
    }

    private java.util.Currency currencyOf(PaymentLink link) {
        return customers.find(link.customerId()).orElseThrow(LinkUnavailableException::new).currency();
    }

    private PaymentLink find(String secret) {
        if (secret == null || secret.length() < 16 || secret.length() > 200) {
            throw new LinkUnavailableException();
        }
        return links.findBySecretHash(LinkSecrets.hash(secret)).orElseThrow(LinkUnavailableException::new);
    }

    private static Map<ReceivableId, Receivable> byId(List<Receivable> invoices) {
        Map<ReceivableId, Receivable> map = new java.util.HashMap<>();
        invoices.forEach(invoice -> map.put(invoice.id(), invoice));
        return map;
    }

    /** For CDI's proxy only. */
    protected PaymentLinkService() {
        this(null, null, null, null, null, null, null, null, null, null, null);
    }
}
