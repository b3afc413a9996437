package org.paydesk.application.catalog.port.out;

import java.util.Optional;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.catalog.CatalogItem;
import org.paydesk.domain.catalog.Sku;

/** Stores catalogue items by SKU. */
public interface CatalogRepository {

    void add(CatalogItem item);

    Optional<CatalogItem> find(Sku sku);

    boolean exists(Sku sku);

    /**
     * @throws org.paydesk.application.shared.ConflictException {@code concurrent_update} when it changed since read
     */
    void update(CatalogItem item);

    /** Items by SKU. */
    Page<CatalogItem> list(PageRequest page);
}
