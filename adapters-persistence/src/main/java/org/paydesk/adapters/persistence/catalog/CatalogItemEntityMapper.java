package org.paydesk.adapters.persistence.catalog;

import org.paydesk.domain.catalog.CatalogItem;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.shared.Money;

/** Between {@link CatalogItem} and its row; the version travels into the domain object so stale updates fail. */
final class CatalogItemEntityMapper {

    private CatalogItemEntityMapper() {
    }

    static CatalogItem toDomain(CatalogItemEntity entity) {
        return CatalogItem.restore(new Sku(entity.sku()), entity.description(),
                Money.ofMinor(entity.unitPriceMinor(), entity.currency()), entity.active(), entity.version());
    }

    static CatalogItemEntity toNewEntity(CatalogItem item) {
        return new CatalogItemEntity(item.sku().value(), item.description(),
                item.unitPrice().currency().getCurrencyCode(), item.unitPrice().minorUnits(), item.isActive());
    }

    /** Copies what may change: description, price and whether it is on sale. */
    static void copyChanges(CatalogItem item, CatalogItemEntity entity) {
        entity.revise(item.description(), item.unitPrice().currency().getCurrencyCode(),
                item.unitPrice().minorUnits(), item.isActive());
    }
}
