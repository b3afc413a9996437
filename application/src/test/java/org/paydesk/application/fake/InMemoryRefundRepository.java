package org.paydesk.application.fake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paydesk.application.payment.port.out.RefundRepository;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.refund.Refund;
import org.paydesk.domain.refund.RefundId;

/** Refunds in a map, copied in and out and version-checked like the JPA repository. */
public final class InMemoryRefundRepository implements RefundRepository {

    private final Map<RefundId, Refund> refunds = new LinkedHashMap<>();
    private long lastId;

    @Override
    public synchronized RefundId nextId() {
        return new RefundId(++lastId);
    }

    @Override
    public synchronized void add(Refund refund) {
        if (refunds.putIfAbsent(refund.id(), copy(refund, 0)) != null) {
            throw new IllegalStateException("refund " + refund.id() + " exists");
        }
    }

    @Override
    public synchronized Optional<Refund> find(RefundId id) {
        return Optional.ofNullable(refunds.get(id)).map(refund -> copy(refund, refund.version()));
    }

    @Override
    public synchronized Optional<PaymentId> paymentOf(RefundId id) {
        return Optional.ofNullable(refunds.get(id)).map(Refund::paymentId);
    }

    @Override
    public synchronized List<Refund> findByPayment(PaymentId payment) {
        return refunds.values().stream().filter(refund -> refund.paymentId().equals(payment))
                .sorted(Comparator.comparing(Refund::createdAt).thenComparing(refund -> refund.id().value()))
                .map(refund -> copy(refund, refund.version())).toList();
    }

    @Override
    public synchronized Optional<Refund> findByRequestKey(String requestKey) {
        return refunds.values().stream().filter(refund -> requestKey.equals(refund.requestKey())).findFirst()
                .map(refund -> copy(refund, refund.version()));
    }

    @Override
    public synchronized void update(Refund refund) {
        Refund stored = refunds.get(refund.id());
        if (stored == null || stored.version() != refund.version()) {
            throw new ConflictException("concurrent_update", null, "refund " + refund.id() + " changed since it was read");
        }
        refunds.put(refund.id(), copy(refund, refund.version() + 1));
    }

    public synchronized List<Refund> all() {
        return new ArrayList<>(refunds.values());
    }

    private static Refund copy(Refund refund, long version) {
        return Refund.restore(refund.id(), refund.paymentId(), refund.customerId(), refund.amount(),
                refund.unwinding(), refund.requestKey(), refund.status(), refund.processorRefundId(),
                refund.failureCode(), refund.failureMessage(), refund.createdAt(), refund.updatedAt(), version);
    }
}
