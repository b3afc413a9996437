package org.paydesk.adapters.processor.sandbox;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.paymentmethod.DisplayFacts;
import org.paydesk.domain.shared.DomainException;

/**
 * Which customer each sandbox token is attached to, as Stripe attaches a PaymentMethod to a Customer, and what may be
 * shown of it. A wallet token ({@code pm_applepay_visa} ...) attaches like its card and shows that card's brand and
 * last four (display facts have no place for the wallet; the saved method's type records it). Refuses, in Stripe's order: a token it does not know, a token of another method type, a token
 * attached to another customer, and a card that the issuer declines or that has expired (Stripe checks the card with
 * the issuer when it is attached). Attaching again to the same customer is accepted and changes nothing.
 *
 * <p>Stripe's shared test ids ({@code pm_card_visa} ...) are not recorded: at Stripe each use of one stands for a
 * fresh PaymentMethod, so any number of customers may attach one. Attachments live in memory: a restart forgets
 * them, while the tokens keep charging. Detaching forgets the attachment; unlike Stripe, where a detached
 * PaymentMethod can never be used again, the sandbox lets the token be attached again. Safe for concurrent callers.
 */
final class SandboxVault {

    /** The expiry shown for a card whose token carries none: December, this many years after the attach. */
    static final int YEARS_AHEAD_WHEN_NO_EXPIRY = 5;

    private static final Logger LOG = Logger.getLogger(SandboxVault.class.getName());

    private final TimeSource time;
    private final Map<String, CustomerId> attachments = new HashMap<>();

    SandboxVault(TimeSource time) {
        this.time = Objects.requireNonNull(time, "time");
    }

    DisplayFacts attach(PaymentMethod method, CustomerId customer) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(customer, "customer");
        SandboxTokens.Read token = SandboxTokens.read(method.token()).orElseThrow(() -> refuse(customer, "-",
                // The token is not echoed: a caller might have put something sensitive into it.
                new DomainException("invalid_payment_method_token", "paymentMethod.token",
                        "No such PaymentMethod; the sandbox knows only its own tokens and Stripe's test ids.")));
        if (!token.canPayAs(method.type())) {
            throw refuse(customer, token.scenario(), new DomainException("invalid_payment_method_token",
                    "paymentMethod.token", "The PaymentMethod provided is not a " + method.type()
                            + " payment method."));
        }
        DisplayFacts facts;
        synchronized (attachments) {
            CustomerId owner = token.stripeTestId() ? null : attachments.get(method.token());
            if (owner != null && !owner.equals(customer)) {
                throw refuse(customer, token.scenario(), new DomainException("payment_method_attached_elsewhere",
                        "paymentMethod.token", "The payment method is already attached to another customer."));
            }
            try {
                facts = facts(token);
            } catch (DomainException declined) {
                throw refuse(customer, token.scenario(), declined);
            }
            if (!token.stripeTestId()) {
                attachments.put(method.token(), customer);
            }
        }
        LOG.info(() -> "sandbox vault: scenario " + token.scenario() + " attached to customer " + customer);
        return facts;
    }

    /** Forgets the attachment; nothing happens for a token that is not attached. */
    void detach(PaymentMethod method) {
        Objects.requireNonNull(method, "method");
        CustomerId former;
        synchronized (attachments) {
            former = attachments.remove(method.token());
        }
        if (former != null) {
            LOG.info(() -> "sandbox vault: scenario " + SandboxTokens.resolve(method.token())
                    .map(StripeTestInstrument::slug).orElse("-") + " detached from customer " + former);
        }
    }

    /** The customer the token is attached to, if any. */
    Optional<CustomerId> attachedTo(String token) {
        synchronized (attachments) {
            return Optional.ofNullable(attachments.get(token));
        }
    }

    /** @throws DomainException when the issuer declines the card, or the card has expired, as Stripe answers */
    private DisplayFacts facts(SandboxTokens.Read token) {
        if (token.instrument() instanceof StripeTestBankAccount account) {
            return DisplayFacts.bankAccount(StripeTestBankAccount.BANK_NAME, account.last4());
        }
        StripeTestCard card = (StripeTestCard) token.instrument();
        Optional<PaymentFailure> declined = card.attachRefusal();
        if (declined.isPresent()) {
            throw new DomainException(declined.get().code(), "paymentMethod.token", declined.get().message());
        }
        YearMonth current = YearMonth.from(time.now().atZone(ZoneOffset.UTC));
        YearMonth expiry = token.expiry() != null ? token.expiry()
                : YearMonth.of(current.getYear() + YEARS_AHEAD_WHEN_NO_EXPIRY, 12);
        if (expiry.isBefore(current)) {
            throw new DomainException("expired_card", "paymentMethod.token", "Your card has expired.");
        }
        return DisplayFacts.card(card.brand(), card.last4(), expiry.getMonthValue(), expiry.getYear());
    }

    private static DomainException refuse(CustomerId customer, String scenario, DomainException refusal) {
        LOG.warning(() -> "sandbox vault: scenario " + scenario + " refused for customer " + customer + " ("
                + refusal.code() + ")");
        return refusal;
    }
}
