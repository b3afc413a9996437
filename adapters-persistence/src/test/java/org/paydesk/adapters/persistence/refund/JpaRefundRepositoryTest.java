package org.paydesk.adapters.persistence.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.T0;
import static org.paydesk.adapters.persistence.testing.Fixtures.aCustomer;
import static org.paydesk.adapters.persistence.testing.Fixtures.anOpenInvoice;
import static org.paydesk.adapters.persistence.testing.Fixtures.usd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.paydesk.adapters.persistence.payment.JpaPaymentRepository;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Allocation;
import org.paydesk.domain.payment.AllocationPlan;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.Unwinding;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.refund.Refund;
import org.paydesk.domain.refund.RefundId;
import org.paydesk.domain.refund.RefundStatus;
import org.paydesk.domain.shared.Money;

/** Refunds on real EclipseLink and H2 as the embedded default runs it; the subclass runs them in Oracle mode. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JpaRefundRepositoryTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final PaymentMethod CARD = new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa");

    private TestDatabase db;

    /** The database the tests run on; migrated before the first test. */
    TestDatabase database() {
        return TestDatabase.h2();
    }

    @BeforeAll
    void migrate() {
        db = database();
        db.migrate();
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void aRefundComesBackWithTheCreditAndTheInvoiceBalancesItTookBackInOrder() {
        CustomerId customer = aCustomer(db, "R-RT").id();
        Receivable older = anOpenInvoice(db, customer, "INV-R-1", JAN_1, JAN_1.plusDays(10), 4_000);
        Receivable newer = anOpenInvoice(db, customer, "INV-R-2", JAN_1.plusDays(5), JAN_1.plusDays(20), 3_000);
        Payment payment = aSucceededPayment(customer, new AllocationPlan(usd(10_000), List.of(
                new Allocation(older.id(), older.number(), usd(4_000)),
                new Allocation(newer.id(), newer.number(), usd(3_000))), usd(3_000)));
        Unwinding unwinding = new Unwinding(usd(3_000), List.of(
                new Allocation(newer.id(), newer.number(), usd(3_000)),
                new Allocation(older.id(), older.number(), usd(1_500))));

        Refund stored = aRefund(payment, usd(7_500), unwinding, "refund-key-rt", T0.plusSeconds(10));
        Refund read = find(stored.id());

        assertEquals(payment.id(), read.paymentId());
        assertEquals(customer, read.customerId());
        assertEquals(usd(7_500), read.amount());
        assertEquals(unwinding, read.unwinding(), "the credit taken, then each invoice reopened, in order");
        assertEquals("refund-key-rt", read.requestKey());
        assertEquals(RefundStatus.REQUESTED, read.status());
        assertNull(read.processorRefundId());
        assertNull(read.failureCode());
        assertNull(read.failureMessage());
        assertEquals(T0.plusSeconds(10), read.createdAt(), "to the nanosecond, in UTC");
        assertEquals(T0.plusSeconds(10), read.updatedAt());
        assertEquals(1, read.version());
        assertEquals("paydesk-refund-" + stored.id(), read.processorIdempotencyKey());
    }

    @Test
    void tellsWhichPaymentARefundIsFromWithoutKeepingTheRefundInTheContext() {
        CustomerId customer = aCustomer(db, "R-OF").id();
        Payment payment = aSucceededPayment(customer, new AllocationPlan(usd(500), List.of(), usd(500)));
        Refund stored = aRefund(payment, usd(200), new Unwinding(usd(200), List.of()), null, T0);

        boolean[] managed = new boolean[1];
        Optional<PaymentId> of = db.inTransaction(em -> {
            Optional<PaymentId> found = new JpaRefundRepository(em).paymentOf(stored.id());
            managed[0] = em.unwrap(org.eclipse.persistence.jpa.JpaEntityManager.class).getActiveSession()
                    .getIdentityMapAccessor().containsObjectInIdentityMap(stored.id().value(), RefundEntity.class);
            return found;
        });

        assertEquals(Optional.of(payment.id()), of);
        assertFalse(managed[0], "the refund must be read fresh after the lock");
        assertTrue(db.inTransaction(em -> new JpaRefundRepository(em).paymentOf(new RefundId(987_654))).isEmpty());
    }

    @Test
    void aRefundTakenWhollyFromCreditHasNoInvoiceRows() {
        CustomerId customer = aCustomer(db, "R-CREDIT").id();
        Payment payment = aSucceededPayment(customer, new AllocationPlan(usd(900), List.of(), usd(900)));

        Refund stored = aRefund(payment, usd(900), new Unwinding(usd(900), List.of()), null, T0);

        Refund read = find(stored.id());
        assertEquals(new Unwinding(usd(900), List.of()), read.unwinding());
        assertNull(read.requestKey());
        long rows = db.inTransaction(em -> em.createQuery("SELECT COUNT(a) FROM RefundAllocationEntity a"
                + " WHERE a.refund.id = :id", Long.class).setParameter("id", stored.id().value()).getSingleResult());
        assertEquals(0L, rows);
    }

    @Test
    void aPaymentsRefundsAreListedOldestFirstAndOnlyItsOwn() {
        CustomerId customer = aCustomer(db, "R-LIST").id();
        Payment payment = aSucceededPayment(customer, new AllocationPlan(usd(10_000), List.of(), usd(10_000)));
        Payment other = aSucceededPayment(customer, new AllocationPlan(usd(500), List.of(), usd(500)));
        Refund second = aRefund(payment, usd(200), credit(200), null, T0.plusSeconds(2));
        Refund first = aRefund(payment, usd(100), credit(100), null, T0.plusSeconds(1));
        Refund thirdA = aRefund(payment, usd(300), credit(300), null, T0.plusSeconds(3));
        Refund thirdB = aRefund(payment, usd(400), credit(400), null, T0.plusSeconds(3));
        aRefund(other, usd(50), credit(50), null, T0);

        List<RefundId> listed = db.inTransaction(em -> new JpaRefundRepository(em).findByPayment(payment.id()))
                .stream().map(Refund::id).toList();

        assertEquals(List.of(first.id(), second.id(), thirdA.id(), thirdB.id()), listed,
                "by creation time, then in the order they were numbered");
        assertTrue(db.inTransaction(em -> new JpaRefundRepository(em).findByPayment(new PaymentId(999_999)))
                .isEmpty());
    }

    @Test
    void theRequestKeyFindsItsRefundAndBelongsToOneRefundOnly() {
        CustomerId customer = aCustomer(db, "R-KEY").id();
        Payment payment = aSucceededPayment(customer, new AllocationPlan(usd(1_000), List.of(), usd(1_000)));
        Refund keyed = aRefund(payment, usd(100), credit(100), "refund-key-1", T0);
        aRefund(payment, usd(100), credit(100), null, T0);
        aRefund(payment, usd(100), credit(100), null, T0);

        assertEquals(keyed.id(), db.inTransaction(em -> new JpaRefundRepository(em).findByRequestKey("refund-key-1"))
                .orElseThrow().id());
        assertTrue(db.inTransaction(em -> new JpaRefundRepository(em).findByRequestKey("refund-key-x")).isEmpty());
        assertTrue(db.inTransaction(em -> new JpaRefundRepository(em).findByRequestKey(null)).isEmpty());
        assertThrows(RuntimeException.class, () -> aRefund(payment, usd(100), credit(100), "refund-key-1", T0));
        assertEquals(3, db.inTransaction(em -> new JpaRefundRepository(em).findByPayment(payment.id())).size());
    }

    @Test
    void anAcceptedThenSucceededRefundIsWrittenStepByStepWithItsVersion() {
        CustomerId customer = aCustomer(db, "R-OK").id();
        Payment payment = aSucceededPayment(customer, new AllocationPlan(usd(1_000), List.of(), usd(1_000)));
        Refund stored = aRefund(payment, usd(600), credit(600), null, T0);

        change(stored.id(), refund -> refund.accepted("re_123", T0.plusSeconds(1)));
        Refund pending = find(stored.id());
        assertEquals(RefundStatus.PENDING, pending.status());
        assertEquals("re_123", pending.processorRefundId());
        assertEquals(T0.plusSeconds(1), pending.updatedAt());
        assertEquals(2, pending.version());

        change(stored.id(), refund -> refund.succeeded("re_123", T0.plusSeconds(2)));
        Refund succeeded = find(stored.id());
        assertEquals(RefundStatus.SUCCEEDED, succeeded.status());
        assertEquals(T0, succeeded.createdAt());
        assertEquals(3, succeeded.version());
        assertEquals(credit(600), succeeded.unwinding(), "what it took back never changes");
    }

    @Test
    void aFailedRefundKeepsWhyEvenAnEmptyMessageAndALongOneShortened() {
        CustomerId customer = aCustomer(db, "R-FAIL").id();
        Payment payment = aSucceededPayment(customer, new AllocationPlan(usd(1_000), List.of(), usd(1_000)));
        Refund empty = aRefund(payment, usd(100), credit(100), null, T0);
        Refund longer = aRefund(payment, usd(100), credit(100), null, T0);
        String longMessage = "m".repeat(1_200);

        change(empty.id(), refund -> refund.failed(null, "charge_disputed", "", T0.plusSeconds(1)));
        change(longer.id(), refund -> refund.failed("re_9", "expired_or_canceled_card", longMessage,
                T0.plusSeconds(1)));

        Refund readEmpty = find(empty.id());
        assertEquals(RefundStatus.FAILED, readEmpty.status());
        assertEquals("charge_disputed", readEmpty.failureCode());
        assertEquals("", readEmpty.failureMessage(), "Oracle's NULL for an empty text reads back as the empty text");
        assertNull(readEmpty.processorRefundId());
        Refund readLonger = find(longer.id());
        assertEquals("re_9", readLonger.processorRefundId());
        assertEquals(longMessage.substring(0, RefundEntityMapper.FAILURE_MESSAGE_WIDTH), readLonger.failureMessage());
    }

    @Test
    void anUpdateFromAStaleReadIsRefusedAsAConcurrentUpdate() {
        CustomerId customer = aCustomer(db, "R-STALE").id();
        Payment payment = aSucceededPayment(customer, new AllocationPlan(usd(1_000), List.of(), usd(1_000)));
        Refund stored = aRefund(payment, usd(100), credit(100), null, T0);
        Refund stale = find(stored.id());
        change(stored.id(), refund -> refund.accepted("re_first", T0.plusSeconds(1)));

        stale.failed(null, "processing_error", "lost", T0.plusSeconds(2));
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> db.run(em -> new JpaRefundRepository(em).update(stale)));

        assertEquals("concurrent_update", conflict.code());
        Refund read = find(stored.id());
        assertEquals(RefundStatus.PENDING, read.status());
        assertEquals("re_first", read.processorRefundId());
    }

    @Test
    void anUpdateThatWouldChangeWhatTheRefundTookBackIsRefusedNotWritten() {
        CustomerId customer = aCustomer(db, "R-TAMPER").id();
        Receivable invoice = anOpenInvoice(db, customer, "INV-RT-1", JAN_1, JAN_1, 1_000);
        Payment payment = aSucceededPayment(customer, new AllocationPlan(usd(1_000),
                List.of(new Allocation(invoice.id(), invoice.number(), usd(1_000))), usd(0)));
        Refund stored = aRefund(payment, usd(400), new Unwinding(usd(0),
                List.of(new Allocation(invoice.id(), invoice.number(), usd(400)))), null, T0);
        Refund read = find(stored.id());
        Refund fromCredit = Refund.restore(read.id(), read.paymentId(), read.customerId(), read.amount(),
                credit(400), read.requestKey(), RefundStatus.PENDING, "re_x", null, null, read.createdAt(),
                T0.plusSeconds(1), read.version());

        assertThrows(IllegalStateException.class, () -> db.run(em -> new JpaRefundRepository(em).update(fromCredit)));
        Refund after = find(stored.id());
        assertEquals(read.unwinding(), after.unwinding());
        assertEquals(RefundStatus.REQUESTED, after.status());
    }

    @Test
    void aRefundAddedInTheTransactionThatAddedItsPaymentIsWrittenAfterIt() {
        CustomerId customer = aCustomer(db, "R-SAME-TX").id();

        RefundId id = db.inTransaction(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            JpaRefundRepository refunds = new JpaRefundRepository(em);
            Payment payment = Payment.initiate(payments.nextId(), customer, CARD, PaymentChannel.ECOMMERCE,
                    new AllocationPlan(usd(300), List.of(), usd(300)), null, T0);
            payment.submit(T0);
            payment.record(new PaymentOutcome.Succeeded("pi_same_tx"), T0);
            payment.startRefund(usd(300), T0);
            payments.add(payment);
            Refund refund = Refund.request(refunds.nextId(), payment, usd(300), credit(300), null, T0);
            refunds.add(refund);
            return refund.id();
        });

        assertEquals(usd(300), find(id).amount());
    }

    private Payment aSucceededPayment(CustomerId customer, AllocationPlan plan) {
        return db.inTransaction(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment payment = Payment.initiate(payments.nextId(), customer, CARD, PaymentChannel.ACCOUNTS_RECEIVABLE,
                    plan, null, T0);
            payment.submit(T0);
            payment.record(new PaymentOutcome.Succeeded("pi_" + payment.id()), T0);
            payments.add(payment);
            return payment;
        });
    }

    /** Records a refund as the refund service does: the payment's refunded total grows in the same transaction. */
    private Refund aRefund(Payment of, Money amount, Unwinding unwinding, String requestKey, Instant at) {
        return db.inTransaction(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            JpaRefundRepository refunds = new JpaRefundRepository(em);
            Payment payment = payments.find(of.id()).orElseThrow();
            payment.startRefund(amount, at);
            payments.update(payment);
            Refund refund = Refund.request(refunds.nextId(), payment, amount, unwinding, requestKey, at);
            refunds.add(refund);
            return refund;
        });
    }

    private void change(RefundId id, Consumer<Refund> change) {
        db.run(em -> {
            JpaRefundRepository refunds = new JpaRefundRepository(em);
            Refund refund = refunds.find(id).orElseThrow();
            change.accept(refund);
            refunds.update(refund);
        });
    }

    private Refund find(RefundId id) {
        return db.inTransaction(em -> new JpaRefundRepository(em).find(id)).orElseThrow();
    }

    private static Unwinding credit(long cents) {
        return new Unwinding(usd(cents), List.of());
    }
}
