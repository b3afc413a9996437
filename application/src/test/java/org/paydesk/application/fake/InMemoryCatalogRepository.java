package org.paydesk.application.fake;

import java.util.Comparator;
import java.util.Optional;
import java.util.TreeMap;
import org.paydesk.application.catalog.port.out.CatalogRepository;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.catalog.CatalogItem;
import org.paydesk.domain.catalog.Sku;

/** Catalogue items by SKU; reads hand out copies and updates check the version. */
public final class InMemoryCatalogRepository implements CatalogRepository {

    private final TreeMap<String, CatalogItem> stored = new TreeMap<>();

    @Override
    public void add(CatalogItem item) {
        if (stored.putIfAbsent(item.sku().value(), copy(item, item.version())) != null) {
            throw new IllegalStateException("unique constraint: sku " + item.sku());
        }
    }

    @Override
    public Optional<CatalogItem> find(Sku sku) {
        return Optional.ofNullable(stored.get(sku.value())).map(item -> copy(item, item.version()));
    }

    @Override
    public boolean exists(Sku sku) {
        return stored.containsKey(sku.value());
    }

    @Override
    public void update(CatalogItem item) {
        if (stored.get(item.sku().value()).version() != item.version()) {
            throw new ConflictException("concurrent_update", null, "item " + item.sku() + " changed");
        }
        stored.put(item.sku().value(), copy(item, item.version() + 1));
    }

    @Override
    public Page<CatalogItem> list(PageRequest page) {
        return Pages.of(stored.values().stream().sorted(Comparator.comparing(item -> item.sku().value())).toList(),
                page);
    }

    private static CatalogItem copy(CatalogItem item, long version) {
        return CatalogItem.restore(item.sku(), item.description(), item.unitPrice(), item.isActive(), version);
    }
}
