package org.paydesk.application.fake;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.paydesk.application.order.port.in.OrderCriteria;
import org.paydesk.application.order.port.out.SalesOrderRepository;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.PaymentId;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Orders in a map; reads hand out copies and {@link #update} checks the version, as the database does. */
public final class InMemorySalesOrderRepository implements SalesOrderRepository {

    private final Map<SalesOrderId, SalesOrder> stored = new LinkedHashMap<>();
    private long lastId = 500;

    @Override
    public SalesOrderId nextId() {
        return new SalesOrderId(++lastId);
    }

    @Override
    public void add(SalesOrder order) {
        if (stored.containsKey(order.id()) || numberTaken(order.number())) {
            throw new IllegalStateException("unique constraint: order " + order.id() + " / " + order.number());
        }
        stored.put(order.id(), copy(order, order.version()));
    }

    @Override
    public Optional<SalesOrder> find(SalesOrderId id) {
        return Optional.ofNullable(stored.get(id)).map(order -> copy(order, order.version()));
    }

    @Override
    public Optional<SalesOrder> findByPayment(PaymentId payment) {
        return stored.values().stream().filter(order -> payment.equals(order.paymentId())).findFirst()
                .map(order -> copy(order, order.version()));
    }

    @Override
    public boolean numberTaken(String number) {
        return stored.values().stream().anyMatch(order -> order.number().equals(number));
    }

    @Override
    public void update(SalesOrder order) {
        SalesOrder current = stored.get(order.id());
        if (current.version() != order.version()) {
            throw new ConflictException("concurrent_update", null, "order " + order.id() + " changed");
        }
        stored.put(order.id(), copy(order, order.version() + 1));
    }

    @Override
    public Page<SalesOrder> search(OrderCriteria criteria, PageRequest page) {
        Predicate<SalesOrder> matches = order -> (criteria.number() == null
                || criteria.number().equals(order.number()))
                && (criteria.customerId() == null || criteria.customerId().equals(order.customerId()))
                && (criteria.status() == null || criteria.status() == order.status())
                && (criteria.from() == null || !day(order).isBefore(criteria.from()))
                && (criteria.to() == null || !day(order).isAfter(criteria.to()));
        List<SalesOrder> all = stored.values().stream().filter(matches)
                .sorted(Comparator.comparing(SalesOrder::createdAt).thenComparing(o -> o.id().value()).reversed())
                .toList();
        return Pages.of(all, page);
    }

    private static LocalDate day(SalesOrder order) {
        return LocalDate.ofInstant(order.createdAt(), ZoneOffset.UTC);
    }

    private static SalesOrder copy(SalesOrder order, long version) {
        return SalesOrder.restore(order.id(), order.number(), order.customerId(), order.source(), order.lines(),
                order.status(), order.paymentId(), order.receivableId(), order.createdAt(), order.updatedAt(),
                version);
    }
}
