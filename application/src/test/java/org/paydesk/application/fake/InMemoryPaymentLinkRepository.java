package org.paydesk.application.fake;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paydesk.application.paymentlink.port.out.PaymentLinkRepository;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.paymentlink.PaymentLink;
import org.paydesk.domain.paymentlink.PaymentLinkId;

/** Payment links in a map, copied in and out like rows, with the version check of the real repository. */
public final class InMemoryPaymentLinkRepository implements PaymentLinkRepository {

    private final Map<PaymentLinkId, PaymentLink> rows = new LinkedHashMap<>();
    private long lastId;

    @Override
    public PaymentLinkId nextId() {
        return new PaymentLinkId(++lastId);
    }

    @Override
    public void add(PaymentLink link) {
        if (rows.values().stream().anyMatch(row -> row.secretHash().equals(link.secretHash()))) {
            throw new IllegalStateException("secret hash already stored");
        }
        rows.put(link.id(), copy(link, link.version()));
    }

    @Override
    public Optional<PaymentLink> find(PaymentLinkId id) {
        return Optional.ofNullable(rows.get(id)).map(row -> copy(row, row.version()));
    }

    @Override
    public Optional<PaymentLink> findBySecretHash(String secretHash) {
        return rows.values().stream().filter(row -> row.secretHash().equals(secretHash)).findFirst()
                .map(row -> copy(row, row.version()));
    }

    @Override
    public Optional<PaymentLink> lock(PaymentLinkId id) {
        return find(id);
    }

    @Override
    public List<PaymentLink> findAll(CustomerId customer) {
        return rows.values().stream().filter(row -> row.customerId().equals(customer))
                .sorted(Comparator.comparing(PaymentLink::sentAt).reversed()).map(row -> copy(row, row.version()))
                .toList();
    }

    @Override
    public void update(PaymentLink link) {
        PaymentLink stored = rows.get(link.id());
        if (stored == null || stored.version() != link.version()) {
            throw new ConflictException("concurrent_update", null, "payment link " + link.id() + " changed");
        }
        rows.put(link.id(), copy(link, link.version() + 1));
    }

    public List<PaymentLink> all() {
        return rows.values().stream().map(row -> copy(row, row.version())).toList();
    }

    private static PaymentLink copy(PaymentLink link, long version) {
        return PaymentLink.restore(link.id(), link.kind(), link.customerId(), link.invoices(), link.recipientEmail(),
                link.secretHash(), link.sentBy(), link.sentAt(), link.openedAt(), link.lastPaymentId(),
                link.lastPaymentAt(), version);
    }
}
