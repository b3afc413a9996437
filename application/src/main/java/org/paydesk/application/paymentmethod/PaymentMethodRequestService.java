package org.paydesk.application.paymentmethod;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.notification.Notification;
import org.paydesk.application.notification.port.out.Outbox;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.CompletePaymentMethodRequestUseCase;
import org.paydesk.application.paymentmethod.port.in.HostedFormView;
import org.paydesk.application.paymentmethod.port.in.LinkUnavailableException;
import org.paydesk.application.paymentmethod.port.in.PaymentMethodRequestView;
import org.paydesk.application.paymentmethod.port.in.RequestPaymentMethodCommand;
import org.paydesk.application.paymentmethod.port.in.RequestPaymentMethodUseCase;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;
import org.paydesk.application.paymentmethod.port.out.PaymentDetailsTokenizer;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodRequestRepository;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodSetup;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodVault;
import org.paydesk.application.paymentmethod.port.out.SecretGenerator;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.paymentmethod.DisplayFacts;
import org.paydesk.domain.paymentmethod.PaymentMethodRequest;
import org.paydesk.domain.paymentmethod.PaymentMethodRequestId;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;

/**
 * "Request payment method" links, from staff sending one to the customer completing it. The secret exists in
 * clear only in the e-mail (and in the outbox until that is sent); Paydesk looks links up by the secret's hash.
 */
@ApplicationScoped
public class PaymentMethodRequestService implements RequestPaymentMethodUseCase, CompletePaymentMethodRequestUseCase {

    private final CustomerRepository customers;
    private final PaymentMethodRequestRepository requests;
    private final SecretGenerator secrets;
    private final Outbox outbox;
    private final PaymentMethodVault vault;
    private final PaymentDetailsTokenizer tokenizer;
    private final RequestLinkLedger ledger;
    private final AuditTrail audit;
    private final TimeSource time;
    private final PaymentMethodSetup setup;

    @Inject
    public PaymentMethodRequestService(CustomerRepository customers, PaymentMethodRequestRepository requests,
            SecretGenerator secrets, Outbox outbox, PaymentMethodVault vault, PaymentDetailsTokenizer tokenizer,
            RequestLinkLedger ledger, AuditTrail audit, TimeSource time, PaymentMethodSetup setup) {
        this.customers = customers;
        this.requests = requests;
        this.secrets = secrets;
        this.outbox = outbox;
        this.vault = vault;
        this.tokenizer = tokenizer;
        this.ledger = ledger;
        this.audit = audit;
        this.time = time;
        this.setup = setup;
    }

    @Override
    @Transactional
    public PaymentMethodRequestView request(RequestPaymentMethodCommand command) {
        Customer customer = customers.find(command.customerId())
                .orElseThrow(() -> new NotFoundException("customer " + command.customerId()));
        String secret = secrets.newSecret();
        Instant now = time.now();
        PaymentMethodRequest request = PaymentMethodRequest.send(requests.nextId(), customer.id(),
                command.recipientEmail(), LinkSecrets.hash(secret), command.actor().name(), now);
        requests.add(request);
        outbox.enqueue(new Notification(Notification.PAYMENT_METHOD_REQUEST, request.recipientEmail(), Map.of(
                "customerName", customer.name(),
                "requestedBy", command.actor().name(),
                "linkPath", "/pay/methods/" + secret,
                "expiresAt", request.expiresAt().toString())), now);
        audit.record(new AuditEntry(now, command.actor(), "payment_method_request.sent", "customer",
                customer.id().toString(), "ok", "request " + request.id() + " to " + request.recipientEmail()));
        return new PaymentMethodRequestView(request, request.status(now));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaymentMethodRequestView> list(CustomerId customer) {
        customers.find(customer).orElseThrow(() -> new NotFoundException("customer " + customer));
        Instant now = time.now();
        return requests.findAll(customer).stream()
                .map(request -> new PaymentMethodRequestView(request, request.status(now))).toList();
    }

    @Override
    @Transactional
    public PaymentMethodRequestView revoke(CustomerId customer, PaymentMethodRequestId id, Actor actor) {
        PaymentMethodRequest request = requests.find(id).filter(found -> found.customerId().equals(customer))
                .orElseThrow(() -> new NotFoundException("payment method request " + id));
        Instant now = time.now();
        request.revoke(actor.name(), now);
        requests.update(request);
        audit.record(new AuditEntry(now, actor, "payment_method_request.revoked", "customer", customer.toString(),
                "ok", "request " + id));
        return new PaymentMethodRequestView(request, request.status(now));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public HostedFormView open(String secret) {
        PaymentMethodRequest request = usable(secret);
        Customer customer = customers.find(request.customerId()).orElseThrow(LinkUnavailableException::new);
        return new HostedFormView(customer.name(), request.sentBy(), request.expiresAt());
    }

    @Override
    @Transactional
    public void markOpened(String secret) {
        PaymentMethodRequest request = requests.lockBySecretHash(hashOf(secret))
                .orElseThrow(LinkUnavailableException::new);
        if (!request.status(time.now()).usable()) {
            throw new LinkUnavailableException();
        }
        if (request.openedAt() == null) {
            request.markOpened(time.now());
            requests.update(request);
        }
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public TokenizedPaymentMethod tokenizeCard(String secret, CardDetails card) {
        usable(secret);
        return tokenizer.tokenizeCard(card);
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public TokenizedPaymentMethod tokenizeBankAccount(String secret, BankAccountDetails account) {
        usable(secret);
        return tokenizer.tokenizeBankAccount(account);
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public String startProcessorSetup(String secret) {
        return setup.startSetup(usable(secret).customerId());
    }

    /**
     * Attaches the method at the processor (no transaction open), then, under the request's lock, saves it and
     * spends the link. A second submission that lost the race is refused; its attachment is left alone, because it
     * may be the very method the winner saved.
     */
    @Override
    @Transactional(Transactional.TxType.NEVER)
    public PaymentMethodToken complete(String secret, PaymentMethod method, String origin) {
        PaymentMethodRequest request = usable(secret);
        DisplayFacts facts = vault.attach(method, request.customerId());
        return ledger.spend(hashOf(secret), method, facts, new Actor("payment-method-link:" + request.id(), origin));
    }

    private PaymentMethodRequest usable(String secret) {
        PaymentMethodRequest request = requests.findBySecretHash(hashOf(secret))
                .orElseThrow(LinkUnavailableException::new);
        if (!request.status(time.now()).usable()) {
            throw new LinkUnavailableException();
        }
        return request;
    }

    static String hashOf(String secret) {
        if (secret == null || secret.length() < 16 || secret.length() > 200) {
            throw new LinkUnavailableException();
        }
        return LinkSecrets.hash(secret);
    }

    /** For CDI's proxy only. */
    protected PaymentMethodRequestService() {
        this(null, null, null, null, null, null, null, null, null, null);
    }
}
