package org.paydesk.adapters.processor.sandbox;

import static org.paydesk.adapters.processor.sandbox.Behaviour.approves;
import static org.paydesk.adapters.processor.sandbox.Behaviour.cardDeclined;
import static org.paydesk.adapters.processor.sandbox.Behaviour.cardError;
import static org.paydesk.adapters.processor.sandbox.Behaviour.requiresAuthentication;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentMethodType;

/**
 * Stripe's published test cards (docs.stripe.com/testing) and what each does when charged. These numbers are public
 * test data, not card data; even so, only {@link #last4()} ever leaves this class.
 *
 * <p>Cards that need 3-D Secure decline with {@code authentication_required}, on and off session (see
 * {@link Behaviour.RequiresAuthentication}). Expired card, incorrect CVC and processing error carry their own error
 * code, which Stripe's live test mode repeats as the decline code.
 *
 * <p>Attaching to a customer: Stripe's test mode refuses the issuer-declined cards already when they are attached,
 * with the same error ({@link #attachRefusal()}); that is why Stripe offers 4000000000000341, documented as "attaching
 * succeeds, charges fail". Stripe documents the Radar card as blocking charges, and a plain attach runs no 3-D Secure
 * challenge, so the sandbox lets the Radar card and the 3-D Secure cards attach.
 */
enum StripeTestCard implements StripeTestInstrument {

    VISA("4242424242424242", "visa", "visa", approves(), "pm_card_visa"),
    VISA_DEBIT("4000056655665556", "visa", "visaDebit", approves(), "pm_card_visa_debit"),
    MASTERCARD("5555555555554444", "mastercard", "mastercard", approves(), "pm_card_mastercard"),
    MASTERCARD_2_SERIES("2223003122003222", "mastercard", "mastercard2Series", approves()),
    MASTERCARD_DEBIT("5200828282828210", "mastercard", "mastercardDebit", approves(), "pm_card_mastercard_debit"),
    MASTERCARD_PREPAID("5105105105105100", "mastercard", "mastercardPrepaid", approves(),
            "pm_card_mastercard_prepaid"),
    AMEX("378282246310005", "amex", "amex", approves(), "pm_card_amex"),
    AMEX_2("371449635398431", "amex", "amex2", approves()),
    DISCOVER("6011111111111117", "discover", "discover", approves(), "pm_card_discover"),
    DISCOVER_2("6011000990139424", "discover", "discover2", approves()),
    DINERS("3056930009020004", "diners", "diners", approves(), "pm_card_diners"),
    DINERS_14_DIGITS("36227206271667", "diners", "diners14", approves()),
    JCB("3566002020360505", "jcb", "jcb", approves(), "pm_card_jcb"),
    UNIONPAY("6200000000000005", "unionpay", "unionpay", approves(), "pm_card_unionpay"),
    BYPASS_PENDING("4000000000000077", "visa", "bypassPending", approves(), "pm_card_bypassPending"),

    GENERIC_DECLINE("4000000000000002", "visa", "chargeDeclined",
            cardDeclined("generic_decline", "Your card was declined."),
            "pm_card_visa_chargeDeclined", "pm_card_chargeDeclined"),
    INSUFFICIENT_FUNDS("4000000000009995", "visa", "chargeDeclinedInsufficientFunds",
            cardDeclined("insufficient_funds", "Your card has insufficient funds."),
            "pm_card_visa_chargeDeclinedInsufficientFunds", "pm_card_chargeDeclinedInsufficientFunds"),
    LOST_CARD("4000000000009987", "visa", "chargeDeclinedLostCard",
            cardDeclined("lost_card", "Your card was declined."),
            "pm_card_visa_chargeDeclinedLostCard", "pm_card_chargeDeclinedLostCard"),
    STOLEN_CARD("4000000000009979", "visa", "chargeDeclinedStolenCard",
            cardDeclined("stolen_card", "Your card was declined."),
            "pm_card_visa_chargeDeclinedStolenCard", "pm_card_chargeDeclinedStolenCard"),
    EXPIRED_CARD("4000000000000069", "visa", "chargeDeclinedExpiredCard",
            cardError("expired_card", "Your card has expired."),
            "pm_card_chargeDeclinedExpiredCard"),
    INCORRECT_CVC("4000000000000127", "visa", "chargeDeclinedIncorrectCvc",
            cardError("incorrect_cvc", "Your card's security code is incorrect."),
            "pm_card_chargeDeclinedIncorrectCvc"),
    PROCESSING_ERROR("4000000000000119", "visa", "chargeDeclinedProcessingError",
            cardError("processing_error",
                    "An error occurred while processing your card. Try again in a little bit."),
            "pm_card_chargeDeclinedProcessingError"),
    VELOCITY_LIMIT_EXCEEDED("4000000000006975", "visa", "chargeDeclinedVelocityLimitExceeded",
            cardDeclined("card_velocity_exceeded", "Your card was declined for making repeated attempts too "
                    + "frequently or exceeding its amount limit."),
            "pm_card_visa_chargeDeclinedVelocityLimitExceeded"),
    /** Attaching it to a customer works; every charge is then declined. */
    CHARGE_CUSTOMER_FAIL("4000000000000341", "visa", "chargeCustomerFail",
            cardDeclined("generic_decline", "Your card was declined."), "pm_card_chargeCustomerFail"),
    /** Radar always blocks it as fraudulent. */
    RADAR_BLOCK("4100000000000019", "visa", "radarBlock", cardDeclined("fraudulent", "Your card was declined."),
            "pm_card_radarBlock", "pm_card_chargeDeclinedFraudulent"),

    /**
     * At Stripe, setting it up with a SetupIntent (authenticating once) lets later off-session charges through. Paydesk
     * attaches without a SetupIntent, so, as at Stripe after a plain attach, every charge still needs authentication.
     */
    AUTHENTICATION_REQUIRED_ON_SETUP("4000002500003155", "visa", "authenticationRequiredOnSetup",
            requiresAuthentication(), "pm_card_authenticationRequiredOnSetup"),
    THREE_D_SECURE_2_REQUIRED("4000000000003220", "visa", "threeDSecure2Required", requiresAuthentication(),
            "pm_card_threeDSecure2Required"),
    AUTHENTICATION_ALWAYS_REQUIRED("4000002760003184", "visa", "authenticationRequired", requiresAuthentication(),
            "pm_card_authenticationRequired"),
    THREE_D_SECURE_REQUIRED("4000000000003063", "visa", "threeDSecureRequired", requiresAuthentication(),
            "pm_card_threeDSecureRequired");

    private static final Map<String, StripeTestCard> BY_NUMBER = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(card -> card.number, Function.identity()));

    /** Declining cards that attach all the same: the one Stripe made for it, and the one only Radar blocks. */
    private static final Set<StripeTestCard> ATTACH_THEN_DECLINE = EnumSet.of(CHARGE_CUSTOMER_FAIL, RADAR_BLOCK);

    private final String number;
    private final String brand;
    private final String slug;
    private final Behaviour behaviour;
    private final List<String> stripeIds;

    StripeTestCard(String number, String brand, String slug, Behaviour behaviour, String... stripeIds) {
        this.number = number;
        this.brand = brand;
        this.slug = slug;
        this.behaviour = behaviour;
        this.stripeIds = List.of(stripeIds);
    }

    /** The test card with exactly these digits, if Stripe publishes one. */
    static Optional<StripeTestCard> withNumber(String digits) {
        return Optional.ofNullable(BY_NUMBER.get(digits));
    }

    /** Stripe's brand word: {@code visa}, {@code mastercard}, {@code amex}, ... */
    String brand() {
        return brand;
    }

    String last4() {
        return number.substring(number.length() - 4);
    }

    /** The number, for the tests that prove every listed number is a well-formed card number. */
    String number() {
        return number;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public List<String> stripeIds() {
        return stripeIds;
    }

    @Override
    public Behaviour behaviour() {
        return behaviour;
    }

    /**
     * Only as a card: an Apple Pay or Google Pay payment needs a wallet token ({@code pm_applepay_visa} ...), which
     * {@link SandboxTokens} reads as the same card marked with its wallet.
     */
    @Override
    public boolean canPayAs(PaymentMethodType type) {
        return type == PaymentMethodType.CARD;
    }

    /**
     * Why attaching this card to a customer fails, as Stripe answers it; empty when it attaches. The issuer's decline
     * comes at attach time for every declining card but {@link #CHARGE_CUSTOMER_FAIL} and {@link #RADAR_BLOCK}.
     */
    Optional<PaymentFailure> attachRefusal() {
        if (behaviour instanceof Behaviour.Declines declines && !ATTACH_THEN_DECLINE.contains(this)) {
            return Optional.of(declines.failure());
        }
        return Optional.empty();
    }
}
