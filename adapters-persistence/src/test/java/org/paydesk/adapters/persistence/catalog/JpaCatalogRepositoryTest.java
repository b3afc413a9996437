package org.paydesk.adapters.persistence.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.usd;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.catalog.CatalogItem;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.shared.Money;

class JpaCatalogRepositoryTest {

    private TestDatabase db;

    @BeforeEach
    void migrate() {
        db = TestDatabase.migrated();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anItemComesBackAsItWasListedWithAVersion() {
        add(CatalogItem.list(new Sku("WID-1"), "Widget, blue", usd(1_250)));

        CatalogItem read = find("WID-1");

        assertEquals(new Sku("WID-1"), read.sku());
        assertEquals("Widget, blue", read.description());
        assertEquals(usd(1_250), read.unitPrice());
        assertTrue(read.isActive());
        assertEquals(1, read.version());
    }

    @Test
    void existsKnowsListedSkusOnlyAndAnUnknownSkuIsAbsent() {
        add(CatalogItem.list(new Sku("EX-1"), "Exists", usd(100)));

        assertTrue(db.<Boolean>inTransaction(em -> new JpaCatalogRepository(em).exists(new Sku("EX-1"))));
        assertFalse(db.<Boolean>inTransaction(em -> new JpaCatalogRepository(em).exists(new Sku("EX-2"))));
        assertTrue(db.inTransaction(em -> new JpaCatalogRepository(em).find(new Sku("EX-2"))).isEmpty());
    }

    @Test
    void aSkuIsListedOnce() {
        add(CatalogItem.list(new Sku("ONCE-1"), "First", usd(100)));

        assertThrows(RuntimeException.class, () -> add(CatalogItem.list(new Sku("ONCE-1"), "Second", usd(200))));
        assertEquals("First", find("ONCE-1").description());
    }

    @Test
    void aRevisionIsWrittenAndMovesTheVersion() {
        add(CatalogItem.list(new Sku("REV-1"), "Old", usd(100)));

        db.run(em -> {
            JpaCatalogRepository catalog = new JpaCatalogRepository(em);
            CatalogItem item = catalog.find(new Sku("REV-1")).orElseThrow();
            item.revise("New", Money.ofMinor(90_000, "JPY"), false);
            catalog.update(item);
        });

        CatalogItem read = find("REV-1");
        assertEquals("New", read.description());
        assertEquals(Money.ofMinor(90_000, "JPY"), read.unitPrice());
        assertFalse(read.isActive());
        assertEquals(2, read.version());
    }

    @Test
    void aRevisionFromAStaleReadIsRefusedAsAConcurrentUpdate() {
        add(CatalogItem.list(new Sku("STALE-1"), "Item", usd(100)));
        CatalogItem stale = find("STALE-1");
        db.run(em -> {
            JpaCatalogRepository catalog = new JpaCatalogRepository(em);
            CatalogItem item = catalog.find(new Sku("STALE-1")).orElseThrow();
            item.revise("Item", usd(150), true);
            catalog.update(item);
        });

        stale.revise("Item", usd(1), true);
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> db.run(em -> new JpaCatalogRepository(em).update(stale)));

        assertEquals("concurrent_update", conflict.code());
        assertEquals(usd(150), find("STALE-1").unitPrice());
    }

    @Test
    void listPagesInSkuOrderWithATotal() {
        for (String sku : List.of("C-3", "A-1", "B-2", "D-4", "E-5")) {
            add(CatalogItem.list(new Sku(sku), "Item " + sku, usd(100)));
        }

        Page<CatalogItem> first = db.inTransaction(em -> new JpaCatalogRepository(em).list(new PageRequest(0, 2)));
        Page<CatalogItem> last = db.inTransaction(em -> new JpaCatalogRepository(em).list(new PageRequest(2, 2)));

        assertEquals(5, first.total());
        assertEquals(List.of("A-1", "B-2"), first.items().stream().map(i -> i.sku().value()).toList());
        assertEquals(List.of("E-5"), last.items().stream().map(i -> i.sku().value()).toList());
    }

    private void add(CatalogItem item) {
        db.run(em -> new JpaCatalogRepository(em).add(item));
    }

    private CatalogItem find(String sku) {
        return db.inTransaction(em -> new JpaCatalogRepository(em).find(new Sku(sku))).orElseThrow();
    }
}
