package org.paydesk.adapters.rest.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.domain.payment.PaymentMethodType;

/** Reading and showing the wallets offered at checkout. */
class CheckoutSettingsTest {

    @Test
    void wallets_are_read_in_any_case_and_shown_in_a_stable_order() {
        Fields fields = new Fields();
        var wallets = CheckoutSettingsResource.wallets(List.of("google_pay", "APPLE_PAY", "GOOGLE_PAY"), fields);
        assertEquals(EnumSet.of(PaymentMethodType.APPLE_PAY, PaymentMethodType.GOOGLE_PAY), wallets);
        assertEquals(List.of("APPLE_PAY", "GOOGLE_PAY"), CheckoutSettingsResource.view(
                List.of(PaymentMethodType.GOOGLE_PAY, PaymentMethodType.APPLE_PAY)).wallets());
        assertEquals(List.of(), CheckoutSettingsResource.view(List.of()).wallets());
    }

    @Test
    void card_an_unknown_name_a_null_and_a_missing_list_are_refused() {
        Fields fields = new Fields();
        CheckoutSettingsResource.wallets(Arrays.asList("CARD", "PAYPAL", null), fields);
        CheckoutSettingsResource.wallets(null, fields);
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, fields::throwIfAny);
        assertEquals(List.of("wallets[0]:not_a_wallet", "wallets[1]:invalid_payment_method_type",
                "wallets[2]:required", "wallets:required"),
                refused.violations().stream().map(v -> v.field() + ":" + v.code()).toList());
    }
}
