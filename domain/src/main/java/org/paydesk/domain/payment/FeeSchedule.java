package org.paydesk.domain.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

/**
 * What the processor charges for taking a payment: one rule for cards (Apple Pay and Google Pay are cards
 * underneath and pay the card rule), one for ACH debits.
 *
 * <p>The fee of an amount, in the payment's minor units (cents), is worked out in this order, so every figure can
 * be checked by hand:
 * <ol>
 *   <li>the percentage part is {@code amount × percent / 100}, rounded <b>half up</b> to a whole minor unit
 *       (USD 10.01 at 2.9% is 29.029 cents: 29 cents; USD 0.50 at 2.9% is 1.45 cents: 1 cent;
 *       1.5 cents would be 2 cents);</li>
 *   <li>the fixed part is added (its decimal amount taken at the currency's scale, also half up);</li>
 *   <li>the result is raised to the minimum, if the rule has one, then lowered to the maximum, if it has one.</li>
 * </ol>
 * Only one rounding happens per part; nothing is rounded twice. The fixed, minimum and maximum amounts are decimal
 * amounts of whatever currency the payment is in (the schedule does not convert currencies).
 *
 * <p>Which payments carry a fee: those the processor took money for, i.e. {@code SUCCEEDED},
 * {@code PARTIALLY_REFUNDED}, {@code REFUNDED}, {@code DISPUTED} and {@code RETURNED}. An ACH debit that was returned
 * was processed and then reversed by the payer's bank; processors keep the fee for it (as they keep it for refunds),
 * so it keeps its fee. {@code PENDING}, {@code PROCESSING}, {@code UNKNOWN} and {@code FAILED} payments carry none:
 * nothing was (yet) charged.
 *
 * <p>The net is {@code amount − fee}. Refunds and returns do not change the fee or the net: they are reversals of the
 * money, shown beside it (the payment's refunded amount), and the processor does not give its fee back for them.
 * The net can be negative for a payment smaller than its fixed fee.
 *
 * <p>Invariants: percentages are from 0 up to (not including) 100; amounts are zero or more with no more
 * fraction digits than a cent's ten-thousandth; a maximum is never below the minimum.
 */
public record FeeSchedule(Rule card, Rule ach) {

    /** Statuses whose payment the processor charged a fee for. */
    private static final Set<PaymentStatus> CHARGED = EnumSet.of(PaymentStatus.SUCCEEDED,
            PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED, PaymentStatus.DISPUTED, PaymentStatus.RETURNED);

    public FeeSchedule {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(ach, "ach");
    }

    /** Cards and wallets 2.9% + 0.25; ACH 1% with a minimum of 1.00 and no maximum. */
    public static FeeSchedule standard() {
        return new FeeSchedule(new Rule(new BigDecimal("2.9"), new BigDecimal("0.25"), null, null),
                new Rule(new BigDecimal("1"), BigDecimal.ZERO, new BigDecimal("1.00"), null));
    }

    /** Whether a payment in this status carries a fee (see the class comment). */
    public static boolean charges(PaymentStatus status) {
        return CHARGED.contains(status);
    }

    /** The rule a method type pays. */
    public Rule ruleFor(PaymentMethodType type) {
        return type == PaymentMethodType.ACH ? ach : card;
    }

    /** The fee the processor takes for an amount paid by this method type, whatever the payment's status. */
    public Money feeFor(PaymentMethodType type, Money amount) {
        return ruleFor(type).feeOn(amount);
    }

    /** The payment's fee: the rule of its method type on its amount, or zero when it was not charged. */
    public Money feeOf(Payment payment) {
        if (!charges(payment.status())) {
            return Money.zero(payment.amount().currency());
        }
        return feeFor(payment.method().type(), payment.amount());
    }

    /** What the payment brought in after the processor's fee: its amount less its fee (refunds aside). */
    public Money netOf(Payment payment) {
        return payment.amount().minus(feeOf(payment));
    }

    /**
     * One method type's rule: a percentage of the amount plus a fixed amount, raised to a minimum and lowered to a
     * maximum when those are given.
     *
     * @param percent e.g. {@code 2.9} for 2.9%
     * @param fixed decimal amount added to every fee, e.g. {@code 0.25}
     * @param minimum the least fee, or null for none
     * @param maximum the greatest fee, or null for none
     */
    public record Rule(BigDecimal percent, BigDecimal fixed, BigDecimal minimum, BigDecimal maximum) {

        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
        private static final int MAX_SCALE = 6;

        public Rule {
            Objects.requireNonNull(percent, "percent");
            fixed = fixed == null ? BigDecimal.ZERO : fixed;
            if (percent.signum() < 0 || percent.compareTo(HUNDRED) >= 0 || percent.scale() > MAX_SCALE) {
                throw new DomainException("invalid_fee_rule", "percent",
                        "a fee percentage is from 0 up to 100 with at most " + MAX_SCALE + " decimals: " + percent);
            }
            requireAmount("fixed", fixed);
            requireAmount("minimum", minimum);
            requireAmount("maximum", maximum);
            if (minimum != null && maximum != null && maximum.compareTo(minimum) < 0) {
                throw new DomainException("invalid_fee_rule", "maximum",
                        "the maximum fee " + maximum + " is below the minimum " + minimum);
            }
        }

        /** The fee on an amount, in its currency (see {@link FeeSchedule} for the order and the rounding). */
        public Money feeOn(Money amount) {
            int digits = amount.currency().getDefaultFractionDigits();
            long variable = BigDecimal.valueOf(amount.minorUnits()).multiply(percent)
                    .divide(HUNDRED)
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            long fee = Math.addExact(variable, minor(fixed, digits));
            if (minimum != null) {
                fee = Math.max(fee, minor(minimum, digits));
            }
            if (maximum != null) {
                fee = Math.min(fee, minor(maximum, digits));
            }
            return Money.ofMinor(fee, amount.currency());
        }

        private static long minor(BigDecimal decimal, int digits) {
            return decimal.movePointRight(digits).setScale(0, RoundingMode.HALF_UP).longValueExact();
        }

        private static void requireAmount(String field, BigDecimal value) {
            if (value != null && (value.signum() < 0 || value.scale() > MAX_SCALE
                    || value.compareTo(BigDecimal.valueOf(1_000_000)) > 0)) {
                throw new DomainException("invalid_fee_rule", field,
                        "a fee " + field + " is an amount from 0 to 1000000 with at most " + MAX_SCALE
                                + " decimals: " + value);
            }
        }
    }
}
