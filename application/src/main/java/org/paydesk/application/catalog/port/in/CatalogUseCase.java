package org.paydesk.application.catalog.port.in;

import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.catalog.CatalogItem;

/** The items carts can hold and the prices they are sold at. */
public interface CatalogUseCase {

    /**
     * Creates the item, or revises the one with the same SKU.
     *
     * @throws org.paydesk.domain.shared.DomainException {@code invalid_sku}, {@code invalid_amount} ...
     */
    CatalogItem save(AddCatalogItemCommand command);

    /** @throws org.paydesk.application.shared.NotFoundException no such item */
    CatalogItem get(String sku);

    Page<CatalogItem> list(PageRequest page);
}
