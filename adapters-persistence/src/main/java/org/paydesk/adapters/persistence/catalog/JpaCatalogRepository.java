package org.paydesk.adapters.persistence.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.paydesk.adapters.persistence.shared.Versions;
import org.paydesk.application.catalog.port.out.CatalogRepository;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.catalog.CatalogItem;
import org.paydesk.domain.catalog.Sku;

/**
 * Catalogue items in table {@code catalog_item}, keyed by SKU.
 *
 * <p>Guarantees: a SKU is stored once (primary key); {@link #update} never writes a price computed from a stale read
 * ({@code concurrent_update}); {@link #list} pages in SKU order. Joins the caller's transaction.
 */
@ApplicationScoped
public class JpaCatalogRepository implements CatalogRepository {

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaCatalogRepository() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaCatalogRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(CatalogItem item) {
        em.persist(CatalogItemEntityMapper.toNewEntity(item));
    }

    @Override
    public Optional<CatalogItem> find(Sku sku) {
        return Optional.ofNullable(em.find(CatalogItemEntity.class, sku.value()))
                .map(CatalogItemEntityMapper::toDomain);
    }

    @Override
    public boolean exists(Sku sku) {
        return !em.createQuery("SELECT i.sku FROM CatalogItemEntity i WHERE i.sku = :sku", String.class)
                .setParameter("sku", sku.value())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void update(CatalogItem item) {
        String what = "catalog item " + item.sku();
        CatalogItemEntity entity = em.find(CatalogItemEntity.class, item.sku().value());
        if (entity == null) {
            throw new IllegalStateException(what + " does not exist");
        }
        Versions.requireUnchanged(what, item.version(), entity.version());
        CatalogItemEntityMapper.copyChanges(item, entity);
        Versions.flush(em, what);
    }

    @Override
    public Page<CatalogItem> list(PageRequest page) {
        List<CatalogItem> items = em.createQuery("SELECT i FROM CatalogItemEntity i ORDER BY i.sku",
                        CatalogItemEntity.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList()
                .stream()
                .map(CatalogItemEntityMapper::toDomain)
                .toList();
        long total = em.createQuery("SELECT COUNT(i) FROM CatalogItemEntity i", Long.class).getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
