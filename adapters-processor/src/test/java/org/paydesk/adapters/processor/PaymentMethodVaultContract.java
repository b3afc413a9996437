package org.paydesk.adapters.processor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodVault;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.paymentmethod.DisplayFacts;
import org.paydesk.domain.shared.DomainException;

/**
 * What every {@link PaymentMethodVault} must do, as Stripe does when it attaches a PaymentMethod to a Customer:
 * answer the display facts of a good card or bank account, refuse an unknown token, refuse a method already attached
 * to another customer, refuse a card the issuer declines when it is attached, accept the card Stripe made to attach
 * and then decline, and let a method be detached. Run it by extending it and supplying the vault and fresh tokens.
 *
 * <p>Customer ids are random per test, so the vault may be shared between tests.
 */
public abstract class PaymentMethodVaultContract {

    /** The vault under test. */
    protected abstract PaymentMethodVault vault();

    /** A fresh token for the Visa test card 4242, expiring in {@code expMonth}/{@code expYear}, attached to no one. */
    protected abstract PaymentMethod aFreshVisa(int expMonth, int expYear);

    /** A fresh token for Stripe's test bank account ending 6789, attached to no one. */
    protected abstract PaymentMethod aFreshBankAccount();

    /** A card the issuer declines outright. Stripe's test id by default. */
    protected PaymentMethod aCardTheIssuerDeclines() {
        return new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa_chargeDeclined");
    }

    /** Stripe's card that attaches and then declines every charge. Stripe's test id by default. */
    protected PaymentMethod aCardThatAttachesButDeclinesCharges() {
        return new PaymentMethod(PaymentMethodType.CARD, "pm_card_chargeCustomerFail");
    }

    @Test
    public void a_card_attaches_and_answers_its_brand_last_four_and_expiry_only() {
        DisplayFacts facts = vault().attach(aFreshVisa(8, 2031), aCustomer());

        assertEquals("visa", facts.brand());
        assertEquals("4242", facts.last4());
        assertEquals(8, facts.expMonth());
        assertEquals(2031, facts.expYear());
        assertNull(facts.bankName());
    }

    @Test
    public void a_bank_account_attaches_and_answers_its_bank_and_last_four() {
        DisplayFacts facts = vault().attach(aFreshBankAccount(), aCustomer());

        assertEquals("6789", facts.last4());
        assertNotNull(facts.bankName());
        assertFalse(facts.bankName().isBlank());
        assertNull(facts.brand());
        assertNull(facts.expMonth());
    }

    @Test
    public void an_unknown_token_is_refused_without_being_echoed() {
        String token = "pm_no_such_method_anywhere";

        DomainException refused = assertThrows(DomainException.class,
                () -> vault().attach(new PaymentMethod(PaymentMethodType.CARD, token), aCustomer()));

        assertEquals("invalid_payment_method_token", refused.code());
        assertEquals("paymentMethod.token", refused.field());
        assertFalse(refused.getMessage().contains(token), refused::getMessage);
    }

    @Test
    public void a_method_attached_to_one_customer_is_refused_for_another() {
        PaymentMethod method = aFreshVisa(12, 2034);
        vault().attach(method, aCustomer());

        DomainException refused = assertThrows(DomainException.class, () -> vault().attach(method, aCustomer()));

        assertEquals("payment_method_attached_elsewhere", refused.code());
        assertEquals("paymentMethod.token", refused.field());
    }

    @Test
    public void attaching_again_to_the_same_customer_is_accepted_with_the_same_facts() {
        PaymentMethod method = aFreshVisa(12, 2034);
        CustomerId customer = aCustomer();
        DisplayFacts first = vault().attach(method, customer);

        assertEquals(first, vault().attach(method, customer));
    }

    @Test
    public void a_card_the_issuer_declines_is_refused_when_attached() {
        DomainException refused = assertThrows(DomainException.class,
                () -> vault().attach(aCardTheIssuerDeclines(), aCustomer()));

        assertEquals("card_declined", refused.code());
        assertFalse(refused.getMessage().isBlank());
    }

    @Test
    public void the_card_made_to_decline_after_attaching_attaches() {
        DisplayFacts facts = vault().attach(aCardThatAttachesButDeclinesCharges(), aCustomer());

        assertEquals("0341", facts.last4());
    }

    @Test
    public void detaching_an_attached_method_and_one_never_attached_both_succeed() {
        PaymentMethod method = aFreshVisa(12, 2034);
        vault().attach(method, aCustomer());

        assertDoesNotThrow(() -> vault().detach(method));
        assertDoesNotThrow(() -> vault().detach(aFreshVisa(12, 2034)));
        assertDoesNotThrow(() -> vault().detach(new PaymentMethod(PaymentMethodType.CARD, "pm_never_seen")));
    }

    protected static CustomerId aCustomer() {
        return new CustomerId(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    }
}
