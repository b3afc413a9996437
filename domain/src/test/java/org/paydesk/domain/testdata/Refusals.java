package org.paydesk.domain.testdata;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import org.paydesk.domain.shared.DomainException;

/** Asserts that a business rule refused an operation with the expected stable code and field. */
public final class Refusals {

    private Refusals() {
    }

    /** Runs the action, expecting a {@link DomainException} with this code and field; returns it for more checks. */
    public static DomainException assertRefused(String code, String field, Executable action) {
        DomainException refused = assertThrows(DomainException.class, action);
        assertAll(
                () -> assertEquals(code, refused.code(), () -> "code of: " + refused.getMessage()),
                () -> assertEquals(field, refused.field(), () -> "field of: " + refused.getMessage()));
        return refused;
    }
}
