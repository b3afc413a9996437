package org.paydesk.adapters.rest.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.paydesk.application.shared.FieldViolation;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

/**
 * Collects every input error of one request while it is turned into a command, so the caller hears about all of
 * them at once, each under the field name it sent.
 */
public final class Fields {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** The value, or null after recording a {@code required} violation. */
    public <T> T required(String field, T value) {
        if (value == null) {
            violations.add(new FieldViolation(field, "required", field + " is required"));
        }
        return value;
    }

    public Money money(String field, MoneyJson json) {
        if (required(field, json) == null) {
            return null;
        }
        try {
            return Money.parse(json.amount(), json.currency());
        } catch (DomainException invalid) {
            add(field + "." + invalid.field(), invalid);
            return null;
        }
    }

    public LocalDate date(String field, String value) {
        if (required(field, value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException invalid) {
            violations.add(new FieldViolation(field, "invalid_date", field + " must be a date such as 2026-01-31"));
            return null;
        }
    }

    /** Runs a domain constructor, recording its refusal under {@code field} (or the field it names, prefixed). */
    public <T> T attempt(String prefix, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (DomainException invalid) {
            String field = invalid.field();
            boolean alreadyQualified = field != null && (prefix.isEmpty() || field.startsWith(prefix + "."));
            add(field == null ? prefix : alreadyQualified ? field : prefix + "." + field, invalid);
            return null;
        }
    }

    public void add(String field, DomainException invalid) {
        violations.add(new FieldViolation(field, invalid.code(), invalid.getMessage()));
    }

    public void add(String field, String code, String message) {
        violations.add(new FieldViolation(field, code, message));
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    /** @throws InvalidRequestException listing every violation recorded */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
