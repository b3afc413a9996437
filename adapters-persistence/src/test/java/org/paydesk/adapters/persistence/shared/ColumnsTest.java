package org.paydesk.adapters.persistence.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void truncateKeepsShortTextsAndCutsLongOnesToTheWidth() {
        assertEquals("abc", Columns.truncate("abc", 3));
        assertEquals("ab", Columns.truncate("abc", 2));
        assertNull(Columns.truncate(null, 2));
    }

    @Test
    void truncateNeverCutsACharacterInHalf() {
        String emoji = "a\uD83D\uDCB3"; // "a" and a credit-card emoji (two UTF-16 units)

        assertEquals("a", Columns.truncate(emoji, 2));
    }

    @Test
    void longListsAreSplitIntoChunksOracleAccepts() {
        List<Integer> values = IntStream.range(0, 1_201).boxed().toList();

        List<List<Integer>> chunks = Columns.chunks(values);

        assertEquals(List.of(500, 500, 201), chunks.stream().map(List::size).toList());
        assertEquals(values, chunks.stream().flatMap(List::stream).toList());
    }
}
