package org.paydesk.stripefake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's published test cards, test PaymentMethod ids and ACH test accounts (docs.stripe.com/testing), what each does,
 * and the simulated wallet ids {@code pm_applepay_<x>} / {@code pm_googlepay_<x>} for every {@code pm_card_<x>}.
 */
final class TestInstruments {

    /** What charging an instrument does. */
    enum Outcome {
        APPROVE, DECLINE, AUTHENTICATE, SETTLE, SETTLE_FAILING, STAY_PROCESSING
    }

    /**
     * One test instrument.
     *
     * @param kind {@code card} or {@code us_bank_account}
     * @param brand the card brand; null for bank accounts
     * @param last4 the last four digits
     * @param code Stripe's error code (card) or the charge's failure code (ACH), when it fails
     * @param declineCode the decline code, when declined
     * @param attachDeclines whether attaching it to a customer is refused with the decline
     */
    record Instrument(String kind, String brand, String last4, Outcome outcome, String code, String declineCode,
            String message, boolean attachDeclines) {
    }

    /** A test id read: the instrument and, for a wallet id, the wallet ({@code apple_pay}, {@code google_pay}). */
    record Known(Instrument instrument, String wallet) {
    }

    static final String BANK_NAME = "STRIPE TEST BANK";
    static final String ROUTING_NUMBER = "110000000";

    private static final Map<String, Instrument> BY_ID = new HashMap<>();
    private static final Map<String, Instrument> BY_CARD_NUMBER = new HashMap<>();
    private static final Map<String, Instrument> BY_ACCOUNT_NUMBER = new HashMap<>();

    static {
        card("4242424242424242", "visa", approve(), "pm_card_visa");
        card("4000056655665556", "visa", approve(), "pm_card_visa_debit");
        card("5555555555554444", "mastercard", approve(), "pm_card_mastercard");
        card("2223003122003222", "mastercard", approve());
        card("5200828282828210", "mastercard", approve(), "pm_card_mastercard_debit");
        card("5105105105105100", "mastercard", approve(), "pm_card_mastercard_prepaid");
        card("378282246310005", "amex", approve(), "pm_card_amex");
        card("371449635398431", "amex", approve());
        card("6011111111111117", "discover", approve(), "pm_card_discover");
        card("6011000990139424", "discover", approve());
        card("3056930009020004", "diners", approve(), "pm_card_diners");
        card("36227206271667", "diners", approve());
        card("3566002020360505", "jcb", approve(), "pm_card_jcb");
        card("6200000000000005", "unionpay", approve(), "pm_card_unionpay");
        card("4000000000000077", "visa", approve(), "pm_card_bypassPending");
        card("4000000000000002", "visa", declined("card_declined", "generic_decline", "Your card was declined.", true),
                "pm_card_visa_chargeDeclined", "pm_card_chargeDeclined");
        card("4000000000009995", "visa", declined("card_declined", "insufficient_funds",
                "Your card has insufficient funds.", true),
                "pm_card_visa_chargeDeclinedInsufficientFunds", "pm_card_chargeDeclinedInsufficientFunds");
        card("4000000000009987", "visa", declined("card_declined", "lost_card", "Your card was declined.", true),
                "pm_card_visa_chargeDeclinedLostCard", "pm_card_chargeDeclinedLostCard");
        card("4000000000009979", "visa", declined("card_declined", "stolen_card", "Your card was declined.", true),
                "pm_card_visa_chargeDeclinedStolenCard", "pm_card_chargeDeclinedStolenCard");
        card("4000000000000069", "visa", declined("expired_card", "expired_card", "Your card has expired.", true),
                "pm_card_chargeDeclinedExpiredCard");
        card("4000000000000127", "visa", declined("incorrect_cvc", "incorrect_cvc",
                "Your card's security code is incorrect.", true), "pm_card_chargeDeclinedIncorrectCvc");
        card("4000000000000119", "visa", declined("processing_error", "processing_error",
                "An error occurred while processing your card. Try again in a little bit.", true),
                "pm_card_chargeDeclinedProcessingError");
        card("4000000000006975", "visa", declined("card_declined", "card_velocity_exceeded",
                "Your card was declined for making repeated attempts too frequently or exceeding its amount limit.",
                true), "pm_card_visa_chargeDeclinedVelocityLimitExceeded");
        card("4000000000000341", "visa", declined("card_declined", "generic_decline", "Your card was declined.", false),
                "pm_card_chargeCustomerFail");
        card("4100000000000019", "visa", declined("card_declined", "fraudulent", "Your card was declined.", false),
                "pm_card_radarBlock", "pm_card_chargeDeclinedFraudulent");
        card("4000002500003155", "visa", authenticate(), "pm_card_authenticationRequiredOnSetup");
        card("4000000000003220", "visa", authenticate(), "pm_card_threeDSecure2Required");
        card("4000002760003184", "visa", authenticate(), "pm_card_authenticationRequired");
        card("4000000000003063", "visa", authenticate(), "pm_card_threeDSecureRequired");

        bank("000123456789", Outcome.SETTLE, null, null, "pm_usBankAccount_success");
        bank("000111111113", Outcome.SETTLE_FAILING, "account_closed", "The customer's bank account has been closed.",
                "pm_usBankAccount_accountClosed");
        bank("000111111116", Outcome.SETTLE_FAILING, "no_account",
                "The customer's bank account could not be located.", "pm_usBankAccount_noAccount");
        bank("000222222227", Outcome.SETTLE_FAILING, "insufficient_funds",
                "The customer's account has insufficient funds to cover this payment.",
                "pm_usBankAccount_insufficientFunds");
        bank("000333333335", Outcome.SETTLE_FAILING, "debit_not_authorized",
                "The customer has notified their bank that this payment was unauthorized.",
                "pm_usBankAccount_debitNotAuthorized");
        bank("000444444440", Outcome.SETTLE_FAILING, "invalid_currency",
                "The bank was unable to process this payment because of its currency.",
                "pm_usBankAccount_invalidCurrency");
        bank("000000000009", Outcome.STAY_PROCESSING, null, null, "pm_usBankAccount_processing");
    }

    private TestInstruments() {
    }

    /** A Stripe test id or a wallet id made from one. */
    static Optional<Known> byId(String id) {
        Instrument direct = BY_ID.get(id);
        if (direct != null) {
            return Optional.of(new Known(direct, null));
        }
        for (String wallet : List.of("apple_pay", "google_pay")) {
            String prefix = "pm_" + wallet.replace("_", "") + "_";
            if (id.startsWith(prefix)) {
                Instrument card = BY_ID.get("pm_card_" + id.substring(prefix.length()));
                if (card != null) {
                    return Optional.of(new Known(card, wallet));
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Instrument> byCardNumber(String digits) {
        return Optional.ofNullable(BY_CARD_NUMBER.get(digits));
    }

    static Optional<Instrument> byAccountNumber(String digits) {
        return Optional.ofNullable(BY_ACCOUNT_NUMBER.get(digits));
    }

    private static Instrument approve() {
        return new Instrument("card", null, null, Outcome.APPROVE, null, null, null, false);
    }

    private static Instrument authenticate() {
        return new Instrument("card", null, null, Outcome.AUTHENTICATE, "authentication_required",
                "authentication_required", "Your card was declined. This transaction requires authentication.", false);
    }

    private static Instrument declined(String code, String declineCode, String message, boolean atAttach) {
        return new Instrument("card", null, null, Outcome.DECLINE, code, declineCode, message, atAttach);
    }

    private static void card(String number, String brand, Instrument behaviour, String... ids) {
        Instrument card = new Instrument("card", brand, number.substring(number.length() - 4), behaviour.outcome(),
                behaviour.code(), behaviour.declineCode(), behaviour.message(), behaviour.attachDeclines());
        BY_CARD_NUMBER.put(number, card);
        for (String id : ids) {
            BY_ID.put(id, card);
        }
    }

    private static void bank(String number, Outcome outcome, String code, String message, String id) {
        Instrument account = new Instrument("us_bank_account", null, number.substring(number.length() - 4), outcome,
                code, null, message, false);
        BY_ACCOUNT_NUMBER.put(number, account);
        BY_ID.put(id, account);
    }
}
