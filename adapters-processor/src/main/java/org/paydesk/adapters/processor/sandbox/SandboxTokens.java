package org.paydesk.adapters.processor.sandbox;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.paydesk.domain.payment.PaymentMethodType;

/**
 * Issues and reads the sandbox's identifiers. A token is {@code pm_sbx_<scenario>_<random>}, or for a card
 * {@code pm_sbx_<scenario>_<yyyyMM>_<random>}: the scenario names the test instrument (never its number), so a token
 * still charges the same way after a restart, and a card's expiry travels with it, so the sandbox can show it when
 * the card is attached to a customer without having stored anything. The random part (128 bits from
 * {@link SecureRandom}) makes every token and charge reference unique and unguessable. It is written in letters only,
 * and the expiry is six digits between underscores, so no run of digits in a token can look like a card number to
 * the domain's guard. Tokens issued before the expiry was added stay valid. Stripe's own test PaymentMethod ids
 * ({@code pm_card_visa} ...) are read as tokens too; they carry no expiry.
 *
 * <p>Wallet tokens: for every {@code pm_card_<x>} test id there are {@code pm_applepay_<x>} and
 * {@code pm_googlepay_<x>}, standing for an Apple Pay or Google Pay token of the same test card. They charge and attach
 * like that card, but only as {@link PaymentMethodType#APPLE_PAY} resp. {@link PaymentMethodType#GOOGLE_PAY}.
 */
final class SandboxTokens {

    static final String TOKEN_PREFIX = "pm_sbx_";
    /** Stripe's prefix of its test card ids, which the wallet ids below are formed from. */
    static final String CARD_ID_PREFIX = "pm_card_";
    static final String APPLE_PAY_PREFIX = "pm_applepay_";
    static final String GOOGLE_PAY_PREFIX = "pm_googlepay_";
    static final String REFERENCE_PREFIX = "pi_sbx_";
    static final String REFUND_PREFIX = "re_sbx_";

    /** 26^28 > 2^128, so 28 letters hold 128 random bits. */
    static final int RANDOM_LETTERS = 28;
    private static final BigInteger LETTERS = BigInteger.valueOf(26);
    private static final Pattern SANDBOX_TOKEN = Pattern.compile(Pattern.quote(TOKEN_PREFIX)
            + "(?<scenario>[A-Za-z0-9]+)(?:_(?<year>\\d{4})(?<month>\\d{2}))?_[a-z]{" + RANDOM_LETTERS + "}");

    private static final Map<String, StripeTestInstrument> BY_SLUG = new HashMap<>();
    private static final Map<String, StripeTestInstrument> BY_STRIPE_ID = new HashMap<>();
    /** Simulated wallet ids ({@code pm_applepay_visa} ...): the card they stand for and the wallet. */
    private static final Map<String, Map.Entry<StripeTestCard, PaymentMethodType>> BY_WALLET_ID = new HashMap<>();

    static {
        Stream<StripeTestInstrument> all = Stream.concat(Stream.of(StripeTestCard.values()),
                Stream.of(StripeTestBankAccount.values()));
        all.forEach(instrument -> {
            putOnce(BY_SLUG, instrument.slug(), instrument);
            instrument.stripeIds().forEach(id -> putOnce(BY_STRIPE_ID, id, instrument));
        });
        for (StripeTestCard card : StripeTestCard.values()) {
            card.stripeIds().stream().filter(id -> id.startsWith(CARD_ID_PREFIX)).forEach(id -> {
                String suffix = id.substring(CARD_ID_PREFIX.length());
                putWalletOnce(APPLE_PAY_PREFIX + suffix, card, PaymentMethodType.APPLE_PAY);
                putWalletOnce(GOOGLE_PAY_PREFIX + suffix, card, PaymentMethodType.GOOGLE_PAY);
            });
        }
    }

    private final SecureRandom random;

    SandboxTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    String issueToken(StripeTestInstrument instrument) {
        return TOKEN_PREFIX + instrument.slug() + "_" + randomPart();
    }

    /** A card's token, carrying the card's expiry. */
    String issueCardToken(StripeTestCard card, YearMonth expiry) {
        if (expiry.getYear() < 1000 || expiry.getYear() > 9999) {
            throw new IllegalArgumentException("expiry year must have four digits: " + expiry.getYear());
        }
        return TOKEN_PREFIX + card.slug() + "_" + expiry.getYear() + String.format("%02d", expiry.getMonthValue())
                + "_" + randomPart();
    }

    String newReference() {
        return REFERENCE_PREFIX + randomPart();
    }

    String newRefundId() {
        return REFUND_PREFIX + randomPart();
    }

    /** The test instrument a token stands for: one of Stripe's test ids, or a token this sandbox issued. */
    static Optional<StripeTestInstrument> resolve(String token) {
        return read(token).map(Read::instrument);
    }

    /** What a token says: its test instrument and, for a card token that carries it, the card's expiry. */
    static Optional<Read> read(String token) {
        if (token == null) {
            return Optional.empty();
        }
        StripeTestInstrument stripeTestId = BY_STRIPE_ID.get(token);
        if (stripeTestId != null) {
            return Optional.of(new Read(stripeTestId, null, true, null));
        }
        Map.Entry<StripeTestCard, PaymentMethodType> wallet = BY_WALLET_ID.get(token);
        if (wallet != null) {
            return Optional.of(new Read(wallet.getKey(), null, true, wallet.getValue()));
        }
        Matcher sandbox = SANDBOX_TOKEN.matcher(token);
        if (!sandbox.matches()) {
            return Optional.empty();
        }
        StripeTestInstrument instrument = BY_SLUG.get(sandbox.group("scenario"));
        if (instrument == null) {
            return Optional.empty();
        }
        if (sandbox.group("year") == null) {
            return Optional.of(new Read(instrument, null, false, null));
        }
        if (!(instrument instanceof StripeTestCard)) {
            return Optional.empty(); // this sandbox never wrote an expiry into a bank account's token
        }
        try {
            YearMonth expiry = YearMonth.of(Integer.parseInt(sandbox.group("year")),
                    Integer.parseInt(sandbox.group("month")));
            return Optional.of(new Read(instrument, expiry, false, null));
        } catch (DateTimeException impossibleMonth) {
            return Optional.empty();
        }
    }

    /**
     * A token as read.
     *
     * @param expiry the card's expiry written into the token; null for bank accounts, Stripe's test ids and older
     *     sandbox tokens
     * @param stripeTestId one of Stripe's shared test ids ({@code pm_card_visa} ...) or a wallet id made from one,
     *     not a token the sandbox issued
     * @param wallet {@link PaymentMethodType#APPLE_PAY} or {@link PaymentMethodType#GOOGLE_PAY} for a wallet id
     *     ({@code pm_applepay_visa} ...); null for every other token
     */
    record Read(StripeTestInstrument instrument, YearMonth expiry, boolean stripeTestId, PaymentMethodType wallet) {

        /**
         * Whether a charge or attachment of this method type may use the token: a wallet token only as its wallet,
         * any other token only as its instrument's own type (a card is not a wallet token).
         */
        boolean canPayAs(PaymentMethodType type) {
            return wallet != null ? wallet == type : instrument.canPayAs(type);
        }

        /** The scenario for log lines: the instrument's slug, prefixed by the wallet for a wallet token. */
        String scenario() {
            return wallet == null ? instrument.slug()
                    : (wallet == PaymentMethodType.APPLE_PAY ? "applePay:" : "googlePay:") + instrument.slug();
        }
    }

    /** The simulated wallet ids, for the tests that go through all of them. */
    static Map<String, Map.Entry<StripeTestCard, PaymentMethodType>> walletIds() {
        return Map.copyOf(BY_WALLET_ID);
    }

    private String randomPart() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        BigInteger rest = new BigInteger(1, bytes);
        char[] letters = new char[RANDOM_LETTERS];
        for (int i = 0; i < RANDOM_LETTERS; i++) {
            BigInteger[] quotientAndRemainder = rest.divideAndRemainder(LETTERS);
            letters[i] = (char) ('a' + quotientAndRemainder[1].intValue());
            rest = quotientAndRemainder[0];
        }
        return new String(letters);
    }

    private static void putWalletOnce(String id, StripeTestCard card, PaymentMethodType wallet) {
        if (BY_STRIPE_ID.containsKey(id) || BY_WALLET_ID.putIfAbsent(id, Map.entry(card, wallet)) != null) {
            throw new IllegalStateException(id + " names two instruments");
        }
    }

    private static void putOnce(Map<String, StripeTestInstrument> map, String key, StripeTestInstrument instrument) {
        StripeTestInstrument earlier = map.putIfAbsent(key, instrument);
        if (earlier != null) {
            throw new IllegalStateException(key + " names both " + earlier + " and " + instrument);
        }
    }
}
