package org.paydesk.application.paymentmethod;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.paydesk.application.paymentmethod.port.in.LinkUnavailableException;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodRequestRepository;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.paymentmethod.DisplayFacts;
import org.paydesk.domain.paymentmethod.PaymentMethodRequest;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;

/**
 * Spends a "request payment method" link in one transaction that holds the request's row lock, so two racing
 * submissions save one method at most.
 */
@ApplicationScoped
public class RequestLinkLedger {

    private final PaymentMethodRequestRepository requests;
    private final SavedMethods saved;
    private final AuditTrail audit;
    private final TimeSource time;

    @Inject
    public RequestLinkLedger(PaymentMethodRequestRepository requests, SavedMethods saved, AuditTrail audit,
            TimeSource time) {
        this.requests = requests;
        this.saved = saved;
        this.audit = audit;
        this.time = time;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PaymentMethodToken spend(String secretHash, PaymentMethod method, DisplayFacts facts, Actor actor) {
        PaymentMethodRequest request = requests.lockBySecretHash(secretHash)
                .orElseThrow(LinkUnavailableException::new);
        Instant now = time.now();
        if (!request.status(now).usable()) {
            throw new LinkUnavailableException();
        }
        PaymentMethodToken token = saved.store(request.customerId(), method, facts, false, actor);
        request.complete(token.id(), now);
        requests.update(request);
        audit.record(new AuditEntry(now, actor, "payment_method_request.completed", "customer",
                request.customerId().toString(), "ok", "request " + request.id() + " saved method " + token.id()));
        return token;
    }

    /** For CDI's proxy only. */
    protected RequestLinkLedger() {
        this(null, null, null, null);
    }
}
