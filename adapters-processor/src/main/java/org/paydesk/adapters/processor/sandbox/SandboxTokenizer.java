package org.paydesk.adapters.processor.sandbox;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.shared.DomainException;

/**
 * Turns typed card or bank details into a sandbox token, as Stripe.js does, and accepts only Stripe's published test
 * numbers that the sandbox simulates. Checks, in Stripe's order: a well-formed number (Luhn), a test number, an
 * expiry not in the past, a 3-4 digit CVC. No message, token or return value contains the number; a card's token
 * carries its expiry, so attaching it later can show the expiry.
 */
final class SandboxTokenizer {

    private static final Pattern CARD_DIGITS = Pattern.compile("\\d{12,19}");
    private static final Pattern SEPARATORS = Pattern.compile("[ -]");
    private static final Pattern CVC = Pattern.compile("\\d{3,4}");
    private static final Pattern ROUTING_DIGITS = Pattern.compile("\\d{9}");
    /** Stripe.js refuses expiry years further ahead than this. */
    private static final int MAX_YEARS_AHEAD = 50;

    private final SandboxTokens tokens;
    private final TimeSource time;

    SandboxTokenizer(SandboxTokens tokens, TimeSource time) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.time = Objects.requireNonNull(time, "time");
    }

    TokenizedPaymentMethod tokenizeCard(CardDetails card) {
        if (card == null) {
            throw new DomainException("required", "card", "card is required");
        }
        String digits = card.number() == null ? "" : SEPARATORS.matcher(card.number()).replaceAll("");
        if (!CARD_DIGITS.matcher(digits).matches() || !passesLuhn(digits)) {
            throw new DomainException("invalid_card_number", "card.number", "the card number is not a valid number");
        }
        StripeTestCard testCard = StripeTestCard.withNumber(digits).orElseThrow(() -> new DomainException(
                "not_a_test_card", "card.number",
                "the sandbox accepts only Stripe's published test card numbers, such as 4242 4242 4242 4242"));
        int expYear = checkExpiry(card.expMonth(), card.expYear());
        if (card.cvc() == null || !CVC.matcher(card.cvc()).matches()) {
            throw new DomainException("invalid_cvc", "card.cvc", "the security code must be 3 or 4 digits");
        }
        return new TokenizedPaymentMethod(tokens.issueCardToken(testCard, YearMonth.of(expYear, card.expMonth())),
                PaymentMethodType.CARD, testCard.brand(), testCard.last4(), card.expMonth(), expYear, null);
    }

    TokenizedPaymentMethod tokenizeBankAccount(BankAccountDetails account) {
        if (account == null) {
            throw new DomainException("required", "bankAccount", "bankAccount is required");
        }
        String routing = account.routingNumber() == null ? "" : account.routingNumber().strip();
        if (!ROUTING_DIGITS.matcher(routing).matches() || !isAbaRoutingNumber(routing)) {
            throw new DomainException("invalid_routing_number", "bankAccount.routingNumber",
                    "the routing number is not a valid ABA routing number");
        }
        if (!StripeTestBankAccount.ROUTING_NUMBER.equals(routing)) {
            throw new DomainException("not_a_test_account", "bankAccount.routingNumber",
                    "the sandbox accepts only Stripe's test routing number " + StripeTestBankAccount.ROUTING_NUMBER);
        }
        String digits = account.accountNumber() == null ? ""
                : SEPARATORS.matcher(account.accountNumber()).replaceAll("");
        StripeTestBankAccount testAccount = StripeTestBankAccount.withNumber(digits).orElseThrow(
                () -> new DomainException("not_a_test_account", "bankAccount.accountNumber",
                        "the sandbox accepts only Stripe's published test account numbers, such as 000123456789"));
        // Stripe refuses a us_bank_account PaymentMethod without the account holder's name.
        if (account.holderName() == null || account.holderName().isBlank()) {
            throw new DomainException("required", "bankAccount.holderName", "the account holder's name is required");
        }
        return new TokenizedPaymentMethod(tokens.issueToken(testAccount), PaymentMethodType.ACH, null,
                testAccount.last4(), null, null, StripeTestBankAccount.BANK_NAME);
    }

    /** @return the four-digit expiry year */
    private int checkExpiry(int expMonth, int expYear) {
        if (expMonth < 1 || expMonth > 12) {
            throw new DomainException("invalid_expiry", "card.expMonth", "the expiry month must be 1 to 12");
        }
        // Stripe accepts two-digit years, as printed on the card.
        int year = expYear >= 0 && expYear < 100 ? 2000 + expYear : expYear;
        YearMonth current = YearMonth.from(time.now().atZone(ZoneOffset.UTC));
        if (year < current.getYear()) {
            throw new DomainException("invalid_expiry", "card.expYear", "the card has expired");
        }
        // A card is valid through the last day of its expiry month.
        if (YearMonth.of(year, expMonth).isBefore(current)) {
            throw new DomainException("invalid_expiry", "card.expMonth", "the card has expired");
        }
        if (year > current.getYear() + MAX_YEARS_AHEAD) {
            throw new DomainException("invalid_expiry", "card.expYear", "the expiry year is too far in the future");
        }
        return year;
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The ABA check: weights 3, 7, 1 repeated over the nine digits sum to a multiple of ten. */
    static boolean isAbaRoutingNumber(String nineDigits) {
        int[] weights = {3, 7, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * weights[i % 3];
        }
        return sum % 10 == 0;
    }
}
