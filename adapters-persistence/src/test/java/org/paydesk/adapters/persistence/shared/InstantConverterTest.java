package org.paydesk.adapters.persistence.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void anInstantIsStoredAsItsUtcWallClockTimeWhateverTheServersZone() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Chicago"));
            Instant instant = Instant.parse("2026-03-08T08:30:00.000000001Z"); // the day Chicago springs forward

            LocalDateTime column = converter.convertToDatabaseColumn(instant);

            assertEquals(LocalDateTime.of(2026, 3, 8, 8, 30, 0, 1), column);
            assertEquals(instant, converter.convertToEntityAttribute(column));
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void nullStaysNull() {
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
