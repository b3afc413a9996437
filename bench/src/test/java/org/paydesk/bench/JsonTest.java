package org.paydesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsPaydesksAnswersWithoutRoundingIds() {
        Map<String, Object> payment = Json.object("{\"id\": 9007199254740993, \"status\":\"SUCCEEDED\","
                + " \"amount\": {\"amount\": \"301.23\", \"currency\": \"USD\"}, \"failure\": null,"
                + " \"allocations\": [{\"receivableId\": 7}], \"ok\": true, \"note\": \"a \\\"b\\\" \\u00e9\"}");
        assertEquals(new BigDecimal("9007199254740993"), payment.get("id"));
        assertEquals("SUCCEEDED", payment.get("status"));
        assertEquals("301.23", ((Map<?, ?>) payment.get("amount")).get("amount"));
        assertEquals(null, payment.get("failure"));
        assertEquals(List.of(Map.of("receivableId", new BigDecimal(7))), payment.get("allocations"));
        assertEquals(Boolean.TRUE, payment.get("ok"));
        assertEquals("a \"b\" \u00e9", payment.get("note"));
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("rate", 12.5);
        results.put("count", 3L);
        results.put("label", "p99.9 \"tail\"\n");
        results.put("sizes", List.of(10, 100));
        results.put("none", null);
        Map<String, Object> read = Json.object(Json.write(results));
        assertEquals(new BigDecimal("12.5"), read.get("rate"));
        assertEquals(new BigDecimal("3"), read.get("count"));
        assertEquals("p99.9 \"tail\"\n", read.get("label"));
        assertEquals(List.of(new BigDecimal(10), new BigDecimal(100)), read.get("sizes"));
        assertEquals(null, read.get("none"));
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": }"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2] x"));
        assertThrows(IllegalArgumentException.class, () -> Json.object("[1]"));
    }
}
