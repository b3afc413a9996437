package org.paydesk.adapters.persistence.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paydesk.domain.payment.FeeSchedule;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.shared.Money;

class MicroProfileFeeSettingsTest {

    @Test
    void nothingConfiguredIsTheStandardSchedule() {
        assertEquals(FeeSchedule.standard(), new MicroProfileFeeSettings(key -> null).schedule());
    }

    @Test
    void eachConfiguredKeyReplacesItsOwnValueOnly() {
        Map<String, String> values = Map.of("paydesk.fees.card-percent", "3.4", "paydesk.fees.card-fixed", " 0.30 ",
                "paydesk.fees.ach-percent", "0.8", "paydesk.fees.ach-maximum", "5.00", "paydesk.fees.ach-minimum", "");

        FeeSchedule schedule = new MicroProfileFeeSettings(values::get).schedule();

        assertEquals(new FeeSchedule.Rule(new BigDecimal("3.4"), new BigDecimal("0.30"), null, null),
                schedule.card());
        assertEquals(new FeeSchedule.Rule(new BigDecimal("0.8"), BigDecimal.ZERO, new BigDecimal("1.00"),
                new BigDecimal("5.00")), schedule.ach(), "a blank value keeps the standard minimum");
        assertEquals(Money.ofMinor(500, "USD"),
                schedule.feeFor(PaymentMethodType.ACH, Money.ofMinor(1_000_000, "USD")));
    }

    @Test
    void aWrongValueFailsNamingItsKey() {
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> new MicroProfileFeeSettings(Map.of("paydesk.fees.card-percent", "2,9%")::get));
        IllegalArgumentException impossible = assertThrows(IllegalArgumentException.class,
                () -> new MicroProfileFeeSettings(Map.of("paydesk.fees.ach-maximum", "0.50")::get));

        assertTrue(notANumber.getMessage().startsWith("paydesk.fees.card-percent"), notANumber.getMessage());
        assertTrue(impossible.getMessage().startsWith("paydesk.fees.ach-maximum"), impossible.getMessage());
    }
}
