package org.paydesk.stripefake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stripe's bracket notation read into nested hashes and lists. */
class FormBodyTest {

    @Test
    void brackets_become_hashes_and_indexes_become_lists_in_order() {
        Map<String, Object> params = FormBody.parse("amount=4200&metadata%5Bpaydesk_payment_id%5D=7"
                + "&payment_method_types%5B1%5D=us_bank_account&payment_method_types%5B0%5D=card"
                + "&mandate_data%5Bcustomer_acceptance%5D%5Btype%5D=offline&expand%5B%5D=latest_charge"
                + "&description=Paydesk+payment+7");

        assertEquals("4200", params.get("amount"));
        assertEquals(Map.of("paydesk_payment_id", "7"), params.get("metadata"));
        assertEquals(List.of("card", "us_bank_account"), params.get("payment_method_types"));
        assertEquals(Map.of("customer_acceptance", Map.of("type", "offline")), params.get("mandate_data"));
        assertEquals(List.of("latest_charge"), params.get("expand"));
        assertEquals("Paydesk payment 7", params.get("description"));
    }

    @Test
    void a_key_that_is_both_a_value_and_a_hash_or_malformed_is_refused() {
        assertThrows(ApiError.class, () -> FormBody.parse("metadata=x&metadata%5Ba%5D=1"));
        assertThrows(ApiError.class, () -> FormBody.parse("metadata%5Ba=1"));
    }

    @Test
    void nothing_is_an_empty_hash() {
        assertEquals(Map.of(), FormBody.parse(null));
        assertEquals(Map.of(), FormBody.parse(""));
    }
}
