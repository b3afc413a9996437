package org.paydesk.adapters.processor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.paymentmethod.DisplayFacts;
import org.paydesk.domain.shared.DomainException;

/**
 * The simulated Apple Pay and Google Pay tokens: {@code pm_applepay_<x>} and {@code pm_googlepay_<x>} for every Stripe
 * card test id {@code pm_card_<x>}, charging and attaching like that card, but only as their own wallet.
 */
class SandboxWalletTest {

    private static final CustomerId ACME = new CustomerId(7);

    private final Sandbox sandbox = new Sandbox();

    @Test
    void the_sandbox_supports_apple_pay_and_google_pay_and_the_port_supports_none_by_default() {
        assertEquals(Set.of(PaymentMethodType.APPLE_PAY, PaymentMethodType.GOOGLE_PAY),
                sandbox.processor.supportedWallets());
        PaymentProcessor plain = new PaymentProcessor() {
            @Override
            public PaymentOutcome charge(ChargeRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<org.paydesk.application.payment.port.out.ProcessorCharge> chargesFor(
                    org.paydesk.domain.payment.PaymentId payment) {
                return List.of();
            }

            @Override
            public java.util.Optional<org.paydesk.application.payment.port.out.ProcessorCharge> lookup(
                    String processorReference) {
                return java.util.Optional.empty();
            }
        };
        assertTrue(plain.supportedWallets().isEmpty());
    }

    @Test
    void every_card_test_id_has_an_apple_pay_and_a_google_pay_twin_and_nothing_else_does() {
        Map<String, Map.Entry<StripeTestCard, PaymentMethodType>> wallets = SandboxTokens.walletIds();
        int cardIds = 0;
        for (StripeTestCard card : StripeTestCard.values()) {
            for (String id : card.stripeIds()) {
                assertTrue(id.startsWith("pm_card_"), id);
                String suffix = id.substring("pm_card_".length());
                assertEquals(Map.entry(card, PaymentMethodType.APPLE_PAY), wallets.get("pm_applepay_" + suffix), id);
                assertEquals(Map.entry(card, PaymentMethodType.GOOGLE_PAY), wallets.get("pm_googlepay_" + suffix),
                        id);
                cardIds++;
            }
        }
        assertEquals(2 * cardIds, wallets.size());
        assertTrue(SandboxTokens.read("pm_applepay_usBankAccount_success").isEmpty(), "no wallet for a bank");
    }

    @ParameterizedTest(name = "{0} charges like {1}")
    @CsvSource({
        "pm_applepay_visa, pm_card_visa",
        "pm_googlepay_visa, pm_card_visa",
        "pm_applepay_mastercard, pm_card_mastercard",
        "pm_googlepay_amex, pm_card_amex",
        "pm_applepay_chargeDeclined, pm_card_chargeDeclined",
        "pm_googlepay_chargeDeclined, pm_card_chargeDeclined",
        "pm_applepay_visa_chargeDeclinedInsufficientFunds, pm_card_visa_chargeDeclinedInsufficientFunds",
        "pm_googlepay_chargeDeclinedLostCard, pm_card_chargeDeclinedLostCard",
        "pm_applepay_chargeDeclinedExpiredCard, pm_card_chargeDeclinedExpiredCard",
        "pm_googlepay_radarBlock, pm_card_radarBlock",
        "pm_applepay_threeDSecure2Required, pm_card_threeDSecure2Required"
    })
    void a_wallet_token_charges_exactly_like_its_card(String walletToken, String cardToken) {
        PaymentMethodType wallet = walletToken.startsWith("pm_applepay_") ? PaymentMethodType.APPLE_PAY
                : PaymentMethodType.GOOGLE_PAY;

        PaymentOutcome viaWallet = sandbox.processor.charge(
                Sandbox.request(Sandbox.newKey(), 11, "25.00", wallet, walletToken));
        PaymentOutcome viaCard = sandbox.chargeCard(cardToken);

        assertEquals(viaCard.getClass(), viaWallet.getClass());
        assertTrue(viaWallet.processorReference().startsWith("pi_sbx_"), "a PaymentIntent exists");
        if (viaCard instanceof PaymentOutcome.Declined declined) {
            assertEquals(declined.failure(), ((PaymentOutcome.Declined) viaWallet).failure());
        }
        assertEquals("succeeded".equals(sandbox.processor.chargesFor(new org.paydesk.domain.payment.PaymentId(11))
                .get(0).status()), viaWallet instanceof PaymentOutcome.Succeeded);
    }

    @Test
    void a_declined_wallet_charge_carries_the_cards_codes() {
        PaymentOutcome outcome = sandbox.processor.charge(Sandbox.request(Sandbox.newKey(), 12, "25.00",
                PaymentMethodType.GOOGLE_PAY, "pm_googlepay_visa_chargeDeclinedInsufficientFunds"));

        PaymentFailure failure = assertInstanceOf(PaymentOutcome.Declined.class, outcome).failure();
        assertEquals("card_declined", failure.code());
        assertEquals("insufficient_funds", failure.declineCode());
    }

    @ParameterizedTest(name = "{1} as {0} is refused")
    @CsvSource({
        "CARD, pm_applepay_visa",
        "ACH, pm_applepay_visa",
        "GOOGLE_PAY, pm_applepay_visa",
        "CARD, pm_googlepay_visa",
        "APPLE_PAY, pm_googlepay_visa",
        "APPLE_PAY, pm_card_visa",
        "GOOGLE_PAY, pm_card_visa",
        "APPLE_PAY, pm_usBankAccount_success",
        "GOOGLE_PAY, pm_usBankAccount_success"
    })
    void a_token_used_as_another_type_is_refused_before_any_charge(String type, String token) {
        ChargeRequest request = Sandbox.request(Sandbox.newKey(), 13, "25.00", PaymentMethodType.valueOf(type), token);

        PaymentOutcome outcome = sandbox.processor.charge(request);

        PaymentOutcome.Declined refused = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertNull(refused.processorReference(), "no PaymentIntent");
        assertEquals("payment_intent_incompatible_payment_method", refused.failure().code());
        assertTrue(sandbox.processor.chargesFor(request.paymentId()).isEmpty());
    }

    @ParameterizedTest(name = "{1} as {0} cannot be attached")
    @CsvSource({
        "CARD, pm_applepay_visa",
        "GOOGLE_PAY, pm_applepay_visa",
        "APPLE_PAY, pm_googlepay_visa",
        "ACH, pm_googlepay_visa",
        "APPLE_PAY, pm_card_visa",
        "GOOGLE_PAY, pm_usBankAccount_success"
    })
    void a_token_attached_as_another_type_is_refused_as_invalid(String type, String token) {
        DomainException refused = assertThrows(DomainException.class, () -> sandbox.processor.attach(
                new PaymentMethod(PaymentMethodType.valueOf(type), token), ACME));

        assertEquals("invalid_payment_method_token", refused.code());
        assertEquals("paymentMethod.token", refused.field());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PaymentMethodType.class, names = {"APPLE_PAY", "GOOGLE_PAY"})
    void a_wallet_token_attaches_and_shows_its_cards_brand_and_last_four(PaymentMethodType wallet) {
        String prefix = wallet == PaymentMethodType.APPLE_PAY ? "pm_applepay_" : "pm_googlepay_";

        DisplayFacts visa = sandbox.processor.attach(new PaymentMethod(wallet, prefix + "visa"), ACME);
        DisplayFacts amex = sandbox.processor.attach(new PaymentMethod(wallet, prefix + "amex"), ACME);

        assertEquals("visa", visa.brand());
        assertEquals("4242", visa.last4());
        assertEquals("amex", amex.brand());
        assertEquals("0005", amex.last4());
        assertEquals(sandbox.processor.attach(new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa"), ACME), visa);
    }

    @Test
    void a_wallet_token_of_a_card_the_issuer_declines_is_refused_at_attach_like_the_card() {
        DomainException refused = assertThrows(DomainException.class, () -> sandbox.processor.attach(
                new PaymentMethod(PaymentMethodType.APPLE_PAY, "pm_applepay_chargeDeclined"), ACME));

        assertEquals("card_declined", refused.code());
    }

    @Test
    void wallet_tokens_are_shared_test_ids_any_customer_may_attach() {
        PaymentMethod method = new PaymentMethod(PaymentMethodType.GOOGLE_PAY, "pm_googlepay_mastercard");
        sandbox.processor.attach(method, ACME);

        assertEquals("4444", sandbox.processor.attach(method, new CustomerId(8)).last4());
    }
}
