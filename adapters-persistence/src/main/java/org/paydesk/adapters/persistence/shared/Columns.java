package org.paydesk.adapters.persistence.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Fitting values to the database's limits. */
public final class Columns {

    /**
     * Oracle accepts at most 1,000 expressions in one IN list; chunks stay well below it so a long list of ids
     * or numbers becomes a few queries instead of an error.
     */
    public static final int IN_LIST_CHUNK = 500;

    private Columns() {
    }

    /**
     * Shortens free text for people (audit details, processor messages) to its column's width. Failing the whole
     * business transaction because a message was long would be worse than keeping its first part.
     */
    public static String truncate(String text, int width) {
        if (text == null || text.length() <= width) {
            return text;
        }
        int end = width;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never cut a character in half
        }
        return text.substring(0, end);
    }

    /**
     * Oracle stores an empty string as NULL; for texts the domain requires, NULL read back means "".
     */
    public static String nullAsEmpty(String text) {
        return text == null ? "" : text;
    }

    public static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK)));
        }
        return chunks;
    }
}
