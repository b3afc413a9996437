package org.paydesk.application.fake;

import java.util.List;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;

/** Cuts one page out of a complete, already ordered list, as a paged query would. */
final class Pages {

    private Pages() {
    }

    static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = Math.min(request.offset(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return new Page<>(all.subList(from, to), request.page(), request.size(), all.size());
    }
}
