package org.paydesk.application.fake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.paydesk.application.payment.port.in.PaymentCriteria;
import org.paydesk.application.payment.port.out.PaymentAttempt;
import org.paydesk.application.payment.port.out.PaymentRepository;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentOutcome;

/**
 * Payments and their attempts in maps. Reads hand out copies; {@link #update} checks the version. Request keys are
 * unique, as the schema makes them. Attempt ids come from their own sequence, which starts far from the payment ids
 * so a test can tell one from the other.
 */
public final class InMemoryPaymentRepository implements PaymentRepository {

    /** The first attempt id handed out. */
    public static final long FIRST_ATTEMPT_ID = 7001;

    private final Map<PaymentId, Payment> stored = new LinkedHashMap<>();
    private final Map<Long, RecordedAttempt> attempts = new LinkedHashMap<>();
    private long lastId;
    private long lastAttemptId = FIRST_ATTEMPT_ID - 1;

    /** An attempt as stored: when it started and, once the call returned, what it answered. */
    public record RecordedAttempt(PaymentAttempt attempt, PaymentOutcome outcome, Instant finishedAt) {

        public boolean finished() {
            return finishedAt != null;
        }
    }

    @Override
    public PaymentId nextId() {
        return new PaymentId(++lastId);
    }

    @Override
    public void add(Payment payment) {
        if (stored.containsKey(payment.id())) {
            throw new IllegalStateException("payment " + payment.id() + " is already stored");
        }
        if (payment.requestKey() != null && findByRequestKey(payment.requestKey()).isPresent()) {
            throw new IllegalStateException("unique constraint: request key " + payment.requestKey());
        }
        lastId = Math.max(lastId, payment.id().value());
        stored.put(payment.id(), copy(payment, payment.version()));
    }

    @Override
    public Optional<Payment> find(PaymentId id) {
        return Optional.ofNullable(stored.get(id)).map(payment -> copy(payment, payment.version()));
    }

    @Override
    public Optional<CustomerId> customerOf(PaymentId id) {
        return Optional.ofNullable(stored.get(id)).map(Payment::customerId);
    }

    @Override
    public Optional<Payment> findByRequestKey(String requestKey) {
        return stored.values().stream().filter(payment -> requestKey.equals(payment.requestKey())).findFirst()
                .map(payment -> copy(payment, payment.version()));
    }

    @Override
    public Optional<Payment> findByProcessorReference(String processorReference) {
        return stored.values().stream().filter(payment -> processorReference.equals(payment.processorReference()))
                .findFirst().map(payment -> copy(payment, payment.version()));
    }

    @Override
    public Page<Payment> search(PaymentCriteria criteria, PageRequest page) {
        Predicate<Payment> matches = payment -> (criteria.customerId() == null
                || criteria.customerId().equals(payment.customerId()))
                && (criteria.status() == null || criteria.status() == payment.status())
                && (criteria.method() == null || criteria.method() == payment.method().type())
                && (criteria.channel() == null || criteria.channel() == payment.channel())
                && (criteria.from() == null || !day(payment).isBefore(criteria.from()))
                && (criteria.to() == null || !day(payment).isAfter(criteria.to()));
        List<Payment> all = all().stream().filter(matches)
                .sorted(Comparator.comparing(Payment::createdAt).thenComparing(p -> p.id().value()).reversed())
                .toList();
        return Pages.of(all, page);
    }

    private static LocalDate day(Payment payment) {
        return LocalDate.ofInstant(payment.createdAt(), ZoneOffset.UTC);
    }

    @Override
    public void update(Payment payment) {
        Payment current = stored.get(payment.id());
        if (current == null) {
            throw new IllegalStateException("payment " + payment.id() + " was never stored");
        }
        if (current.version() != payment.version()) {
            throw new ConflictException("concurrent_update", null, "payment " + payment.id() + " is at version "
                    + current.version() + ", not " + payment.version());
        }
        stored.put(payment.id(), copy(payment, payment.version() + 1));
    }

    @Override
    public PaymentAttempt startAttempt(PaymentId payment, Instant at) {
        if (!stored.containsKey(payment)) {
            throw new IllegalStateException("attempt for payment " + payment + ", which was never stored");
        }
        PaymentAttempt attempt = new PaymentAttempt(++lastAttemptId, payment, at);
        attempts.put(attempt.id(), new RecordedAttempt(attempt, null, null));
        return attempt;
    }

    @Override
    public void finishAttempt(PaymentAttempt attempt, PaymentOutcome outcome, Instant at) {
        RecordedAttempt recorded = attempts.get(attempt.id());
        if (recorded == null || !recorded.attempt().equals(attempt)) {
            throw new IllegalStateException("attempt " + attempt.id() + " was never started");
        }
        if (recorded.finished()) {
            throw new IllegalStateException("attempt " + attempt.id() + " has already finished");
        }
        attempts.put(attempt.id(), new RecordedAttempt(attempt, Objects.requireNonNull(outcome), at));
    }

    /** Every payment stored, as stored, in the order they were added. */
    public List<Payment> all() {
        return stored.values().stream().map(payment -> copy(payment, payment.version())).toList();
    }

    public List<Payment> allFor(CustomerId customer) {
        return all().stream().filter(payment -> payment.customerId().equals(customer)).toList();
    }

    /** Every attempt, in the order they were started. */
    public List<RecordedAttempt> attempts() {
        return new ArrayList<>(attempts.values());
    }

    public List<RecordedAttempt> attemptsFor(PaymentId payment) {
        return attempts.values().stream().filter(recorded -> recorded.attempt().paymentId().equals(payment))
                .toList();
    }

    private static Payment copy(Payment payment, long version) {
        return Payment.restore(payment.id(), payment.customerId(), payment.method(), payment.channel(),
                payment.plan(), payment.requestKey(), payment.status(), payment.processorReference(),
                payment.failure(), payment.refunded(), payment.createdAt(), payment.updatedAt(), version);
    }
}
