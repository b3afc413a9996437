package org.paydesk.adapters.rest.shared;

import java.util.List;
import java.util.function.Function;
import org.paydesk.application.shared.Page;

/** A page of a list on the wire. */
public record PageJson<T>(List<T> items, int page, int size, long total) {

    public static <D, T> PageJson<T> of(Page<D> page, Function<D, T> mapper) {
        return new PageJson<>(page.items().stream().map(mapper).toList(), page.page(), page.size(), page.total());
    }
}
