package org.paydesk.application.shared;

import java.util.Objects;

/**
 * Who asks for a change, and from where: a signed-in user and their network address, or a part of Paydesk
 * itself (a processor callback, a timer). Written into every audit record.
 */
public record Actor(String name, String origin) {

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
    }

    /** Paydesk acting on its own, e.g. when the processor reports an asynchronous outcome. */
    public static Actor system(String component) {
        return new Actor("system:" + component, "internal");
    }
}
