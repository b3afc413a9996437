package org.paydesk.adapters.persistence.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Stores every {@link Instant} as a TIMESTAMP holding UTC wall-clock time.
 *
 * <p>JPA 3.1 / EclipseLink 4.0 do not know {@code Instant} and would serialise it into a binary column. Going
 * through {@link LocalDateTime} at UTC (rather than {@code java.sql.Timestamp}, which the driver shifts by the
 * JVM's default zone) keeps the stored value independent of where the server runs, so two nodes in different
 * zones, or a server whose zone changes, read back the same instant.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
