package org.paydesk.application.fake;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * CDI's {@link Event} as a container delivers it to synchronous observers: each in turn, in the caller's thread, an
 * exception from one stopping the firing. Qualified or asynchronous firing is not needed by the services.
 */
public final class SynchronousEvents<T> implements Event<T> {

    private final List<Consumer<? super T>> observers = new ArrayList<>();
    private final List<T> fired = new ArrayList<>();

    public SynchronousEvents<T> observe(Consumer<? super T> observer) {
        observers.add(observer);
        return this;
    }

    /** Every event fired so far, in order. */
    public List<T> fired() {
        return List.copyOf(fired);
    }

    @Override
    public void fire(T event) {
        fired.add(event);
        observers.forEach(observer -> observer.accept(event));
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
        throw new UnsupportedOperationException("the services fire synchronously");
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        throw new UnsupportedOperationException("the services fire synchronously");
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
        throw new UnsupportedOperationException("the services use no qualifiers");
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("the services use no qualifiers");
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException("the services use no qualifiers");
    }
}
