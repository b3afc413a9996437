package org.paydesk.adapters.persistence.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateValuesTest {

    @Test
    void anyTextComesBackExactlyAsItWentIn() {
        Map<String, String> values = Map.of(
                "plain", "cashier.ann",
                "separators", "a=b&c=d%20e+f",
                "lines", "first line\nsecond\r\nthird\ttabbed",
                "scripts", "Müller 株式会社 Ωμέγα 💳",
                "empty", "",
                "key with = and &", "  spaces around  ");

        assertEquals(values, TemplateValues.decode(TemplateValues.encode(values)));
    }

    @Test
    void theTextIsStableWhateverTheMapsOrder() {
        assertEquals("a=1&b=2&c=3", TemplateValues.encode(Map.of("c", "3", "a", "1", "b", "2")));
    }

    @Test
    void noValuesIsAnEmptyTextAndAMissingTextIsNoValues() {
        assertEquals("", TemplateValues.encode(Map.of()));
        assertEquals(Map.of(), TemplateValues.decode(""));
        assertEquals(Map.of(), TemplateValues.decode(null));
    }

    @Test
    void aTextThatWasNotWrittenByTheEncoderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TemplateValues.decode("no separator"));
    }
}
