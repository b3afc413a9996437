package org.paydesk.application.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.paydesk.application.catalog.port.in.AddCatalogItemCommand;
import org.paydesk.application.catalog.port.in.CatalogUseCase;
import org.paydesk.application.catalog.port.out.CatalogRepository;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.catalog.CatalogItem;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.shared.DomainException;

/** Keeps the catalogue: the items carts hold and the prices Paydesk charges for them. */
@ApplicationScoped
public class CatalogService implements CatalogUseCase {

    private final CatalogRepository items;
    private final AuditTrail audit;
    private final TimeSource time;

    @Inject
    public CatalogService(CatalogRepository items, AuditTrail audit, TimeSource time) {
        this.items = items;
        this.audit = audit;
        this.time = time;
    }

    @Override
    @Transactional
    public CatalogItem save(AddCatalogItemCommand command) {
        Sku sku = new Sku(command.sku());
        Optional<CatalogItem> existing = items.find(sku);
        CatalogItem item;
        if (existing.isPresent()) {
            item = existing.get();
            item.revise(command.description(), command.unitPrice(), command.active());
            items.update(item);
        } else {
            item = CatalogItem.list(sku, command.description(), command.unitPrice());
            if (!command.active()) {
                item.revise(item.description(), item.unitPrice(), false);
            }
            items.add(item);
        }
        audit.record(new AuditEntry(time.now(), command.actor(), existing.isPresent() ? "item.revised" : "item.listed",
                "item", sku.value(), "ok", item.unitPrice() + (item.isActive() ? "" : " (not on sale)")));
        return item;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public CatalogItem get(String sku) {
        Sku key;
        try {
            key = new Sku(sku);
        } catch (DomainException malformed) {
            throw new NotFoundException("item " + sku);
        }
        return items.find(key).orElseThrow(() -> new NotFoundException("item " + sku));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CatalogItem> list(PageRequest page) {
        return items.list(page);
    }

    /** For CDI's proxy only. */
    protected CatalogService() {
        this(null, null, null);
    }
}
