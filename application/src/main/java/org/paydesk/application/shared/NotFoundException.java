package org.paydesk.application.shared;

/**
 * The thing addressed does not exist, or the caller may not know that it does. Both answer the same, so a
 * caller cannot probe for other customers' data.
 */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
