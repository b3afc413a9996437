package org.paydesk.adapters.persistence.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.paydesk.application.payment.port.out.FeeSettings;
import org.paydesk.domain.payment.FeeSchedule;
import org.paydesk.domain.shared.DomainException;

/**
 * The fee schedule from MicroProfile Config, keys {@code paydesk.fees.<card|ach>-<percent|fixed|minimum|maximum>}
 * (environment {@code PAYDESK_FEES_CARD_PERCENT} and so on). Percentages are written as {@code 2.9} for 2.9%, amounts
 * as decimals such as {@code 0.25}. A key that is not set keeps {@link FeeSchedule#standard()}'s value: card (and
 * wallets) 2.9 + 0.25, no minimum or maximum; ACH 1 + 0, minimum 1.00, no maximum. A wrong value fails when the bean
 * is made (at the first read), naming the key, never silently falls back.
 *
 * <p>It lives in this jar, not in the REST WAR, because the application's services (in the EAR's {@code lib/}) can
 * only be given beans that live in {@code lib/} too. The schedule is read once: a change needs a restart.
 */
@ApplicationScoped
public class MicroProfileFeeSettings implements FeeSettings {

    public static final String PREFIX = "paydesk.fees.";

    private FeeSchedule schedule;

    /** For CDI's proxy only. */
    protected MicroProfileFeeSettings() {
    }

    @Inject
    public MicroProfileFeeSettings(Config config) {
        this(key -> config.getOptionalValue(key, String.class).orElse(null));
    }

    /**
     * For tests and callers without CDI.
     *
     * @param values the configured value of a full key, or null when it is not set
     */
    public MicroProfileFeeSettings(Function<String, String> values) {
        FeeSchedule standard = FeeSchedule.standard();
        this.schedule = new FeeSchedule(rule("card", standard.card(), values), rule("ach", standard.ach(), values));
    }

    @Override
    public FeeSchedule schedule() {
        return schedule;
    }

    private static FeeSchedule.Rule rule(String type, FeeSchedule.Rule standard, Function<String, String> values) {
        BigDecimal percent = value(type + "-percent", standard.percent(), values);
        BigDecimal fixed = value(type + "-fixed", standard.fixed(), values);
        BigDecimal minimum = value(type + "-minimum", standard.minimum(), values);
        BigDecimal maximum = value(type + "-maximum", standard.maximum(), values);
        try {
            return new FeeSchedule.Rule(percent, fixed, minimum, maximum);
        } catch (DomainException invalid) {
            throw new IllegalArgumentException(PREFIX + type + "-" + invalid.field() + ": " + invalid.getMessage(),
                    invalid);
        }
    }

    private static BigDecimal value(String name, BigDecimal standard, Function<String, String> values) {
        String text = values.apply(PREFIX + name);
        if (text == null || text.isBlank()) {
            return standard;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException malformed) {
            throw new IllegalArgumentException(PREFIX + name + " must be a decimal number such as 2.9 or 0.25: "
                    + text, malformed);
        }
    }
}
