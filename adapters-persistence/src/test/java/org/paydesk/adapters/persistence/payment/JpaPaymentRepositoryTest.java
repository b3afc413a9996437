package org.paydesk.adapters.persistence.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.receivable.JpaReceivableRepository;
import org.paydesk.adapters.persistence.testing.SqlCounter;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.payment.port.out.PaymentAttempt;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Allocation;
import org.paydesk.domain.payment.AllocationPlan;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.receivable.Receivable;

class JpaPaymentRepositoryTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final PaymentMethod CARD = new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa");

    private static TestDatabase db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aPaymentComesBackWithItsAllocationsInOrderAndItsUnappliedRest() {
        CustomerId customer = aCustomer(db, "P-RT").id();
        Receivable second = anOpenInvoice(db, customer, "INV-P-2", JAN_1, JAN_1.plusDays(9), 30_000);
        Receivable first = anOpenInvoice(db, customer, "INV-P-1", JAN_1, JAN_1.plusDays(1), 50_000);
        AllocationPlan plan = new AllocationPlan(usd(100_000), List.of(
                new Allocation(second.id(), second.number(), usd(30_000)),
                new Allocation(first.id(), first.number(), usd(50_000))), usd(20_000));
        Payment stored = aPayment(customer, plan, "key-rt", PaymentChannel.ACCOUNTS_RECEIVABLE);

        Payment read = find(stored.id());

        assertEquals(customer, read.customerId());
        assertEquals(plan, read.plan(), "allocations in the order planned, and the unapplied rest");
        assertEquals(usd(100_000), read.amount());
        assertEquals(CARD, read.method());
        assertEquals(PaymentChannel.ACCOUNTS_RECEIVABLE, read.channel());
        assertEquals("key-rt", read.requestKey());
        assertEquals(PaymentStatus.PROCESSING, read.status());
        assertNull(read.processorReference());
        assertNull(read.failure());
        assertEquals(T0, read.createdAt(), "to the nanosecond, in UTC");
        assertEquals(T0, read.updatedAt());
        assertEquals(1, read.version());
    }

    @Test
    void aDeclineIsWrittenWithItsFailureAndTheAllocationsStayAsTheyWere() {
        CustomerId customer = aCustomer(db, "P-DECL").id();
        Receivable invoice = anOpenInvoice(db, customer, "INV-D-1", JAN_1, JAN_1, 5_000);
        AllocationPlan plan = new AllocationPlan(usd(5_000),
                List.of(new Allocation(invoice.id(), invoice.number(), usd(5_000))), usd(0));
        Payment stored = aPayment(customer, plan, null, PaymentChannel.PAYMENT_LINK);
        Instant later = T0.plusSeconds(3);
        PaymentFailure failure = new PaymentFailure("card_declined", "insufficient_funds", "Your card has insufficient funds.");

        db.run(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment payment = payments.find(stored.id()).orElseThrow();
            assertTrue(payment.record(new PaymentOutcome.Declined("pi_declined_1", failure), later));
            payments.update(payment);
        });

        Payment read = find(stored.id());
        assertEquals(PaymentStatus.FAILED, read.status());
        assertEquals(failure, read.failure());
        assertEquals("pi_declined_1", read.processorReference());
        assertEquals(later, read.updatedAt());
        assertEquals(T0, read.createdAt());
        assertEquals(2, read.version());
        assertEquals(plan, read.plan());
        long allocationRows = db.inTransaction(em -> em.createQuery(
                "SELECT COUNT(a) FROM PaymentAllocationEntity a WHERE a.payment.id = :id", Long.class)
                .setParameter("id", stored.id().value())
                .getSingleResult());
        assertEquals(1L, allocationRows, "the update wrote no allocation row");
    }

    @Test
    void aSuccessThenARefundMoveTheStatusStepByStep() {
        CustomerId customer = aCustomer(db, "P-OK").id();
        Payment stored = aPayment(customer, new AllocationPlan(usd(700), List.of(), usd(700)), null,
                PaymentChannel.ECOMMERCE);

        db.run(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment payment = payments.find(stored.id()).orElseThrow();
            assertFalse(payment.record(new PaymentOutcome.Succeeded("pi_ok_1"), T0.plusSeconds(1)));
            payments.update(payment);
        });

        Payment read = find(stored.id());
        assertEquals(PaymentStatus.SUCCEEDED, read.status());
        assertEquals("pi_ok_1", read.processorReference());
        assertNull(read.failure());
        assertEquals(usd(700), read.unapplied());
    }

    @Test
    void whatRefundsGaveBackIsStoredWithThePaymentAndFollowsItBothWays() {
        CustomerId customer = aCustomer(db, "P-REF").id();
        Payment stored = aPayment(customer, new AllocationPlan(usd(10_000), List.of(), usd(10_000)), null,
                PaymentChannel.ACCOUNTS_RECEIVABLE);
        assertEquals(usd(0), find(stored.id()).refunded(), "a new payment has given nothing back");
        db.run(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment payment = payments.find(stored.id()).orElseThrow();
            payment.record(new PaymentOutcome.Succeeded("pi_ref_1"), T0.plusSeconds(1));
            payment.startRefund(usd(2_500), T0.plusSeconds(2));
            payments.update(payment);
        });

        Payment partly = find(stored.id());
        assertEquals(usd(2_500), partly.refunded());
        assertEquals(usd(7_500), partly.refundable());
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, partly.status());
        assertEquals(2_500L, refundedColumn(stored.id()));

        db.run(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment payment = payments.find(stored.id()).orElseThrow();
            payment.startRefund(usd(7_500), T0.plusSeconds(3));
            payments.update(payment);
        });
        Payment whole = find(stored.id());
        assertEquals(usd(10_000), whole.refunded());
        assertEquals(PaymentStatus.REFUNDED, whole.status());

        db.run(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment payment = payments.find(stored.id()).orElseThrow();
            payment.refundFailed(usd(7_500), T0.plusSeconds(4));
            payments.update(payment);
        });
        Payment back = find(stored.id());
        assertEquals(usd(2_500), back.refunded(), "a refused refund's money is kept again");
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, back.status());
        assertEquals(T0.plusSeconds(4), back.updatedAt());
        assertEquals(2_500L, refundedColumn(stored.id()));
    }

    @Test
    void anUpdateFromAStaleReadIsRefusedAsAConcurrentUpdate() {
        CustomerId customer = aCustomer(db, "P-STALE").id();
        Payment stored = aPayment(customer, new AllocationPlan(usd(100), List.of(), usd(100)), null,
                PaymentChannel.ORDER_ENTRY);
        Payment stale = find(stored.id());
        db.run(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment current = payments.find(stored.id()).orElseThrow();
            current.record(new PaymentOutcome.Succeeded("pi_first"), T0.plusSeconds(1));
            payments.update(current);
        });

        stale.record(new PaymentOutcome.Unknown("timeout"), T0.plusSeconds(2));
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> db.run(em -> new JpaPaymentRepository(em).update(stale)));

        assertEquals("concurrent_update", conflict.code());
        assertEquals(PaymentStatus.SUCCEEDED, find(stored.id()).status());
    }

    @Test
    void theRequestKeyAndTheProcessorReferenceEachFindTheirPayment() {
        CustomerId customer = aCustomer(db, "P-KEYS").id();
        Payment keyed = aPayment(customer, new AllocationPlan(usd(100), List.of(), usd(100)), "key-find-1",
                PaymentChannel.ACCOUNTS_RECEIVABLE);
        aPayment(customer, new AllocationPlan(usd(200), List.of(), usd(200)), "key-find-2",
                PaymentChannel.ACCOUNTS_RECEIVABLE);
        db.run(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment payment = payments.find(keyed.id()).orElseThrow();
            payment.record(new PaymentOutcome.Processing("pi_ach_find"), T0.plusSeconds(1));
            payments.update(payment);
        });

        assertEquals(keyed.id(), db.inTransaction(em -> new JpaPaymentRepository(em).findByRequestKey("key-find-1"))
                .orElseThrow().id());
        assertEquals(keyed.id(), db.inTransaction(em -> new JpaPaymentRepository(em)
                .findByProcessorReference("pi_ach_find")).orElseThrow().id());
        assertTrue(db.inTransaction(em -> new JpaPaymentRepository(em).findByRequestKey("key-unknown")).isEmpty());
        assertTrue(db.inTransaction(em -> new JpaPaymentRepository(em).findByRequestKey(null)).isEmpty());
        assertTrue(db.inTransaction(em -> new JpaPaymentRepository(em).findByProcessorReference("pi_unknown"))
                .isEmpty());
    }

    @Test
    void theSameRequestKeyCannotBelongToTwoPaymentsButManyPaymentsMayHaveNone() {
        CustomerId customer = aCustomer(db, "P-DUP").id();
        aPayment(customer, new AllocationPlan(usd(100), List.of(), usd(100)), "key-dup", PaymentChannel.ECOMMERCE);
        aPayment(customer, new AllocationPlan(usd(100), List.of(), usd(100)), null, PaymentChannel.ECOMMERCE);
        aPayment(customer, new AllocationPlan(usd(100), List.of(), usd(100)), null, PaymentChannel.ECOMMERCE);

        assertThrows(RuntimeException.class, () -> aPayment(customer,
                new AllocationPlan(usd(300), List.of(), usd(300)), "key-dup", PaymentChannel.ECOMMERCE));
    }

    @Test
    void customerOfReadsTheOwnerWithoutLeavingThePaymentInThePersistenceContext() {
        CustomerId customer = aCustomer(db, "P-OWNER").id();
        Payment stored = aPayment(customer, new AllocationPlan(usd(100), List.of(), usd(100)), null,
                PaymentChannel.ACCOUNTS_RECEIVABLE);
        SqlCounter sql = SqlCounter.on(db.factory());

        int statementsOfTheFindAfterwards = db.inTransaction(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            assertEquals(customer, payments.customerOf(stored.id()).orElseThrow());
            return sql.count(() -> payments.find(stored.id())).statements();
        });

        assertTrue(statementsOfTheFindAfterwards >= 1, "the payment must be read from the database, not the context");
        assertTrue(db.inTransaction(em -> new JpaPaymentRepository(em).customerOf(new PaymentId(999_999))).isEmpty());
    }

    @Test
    void anAttemptIsStoredWithItsOwnIdAndFinishedOnceWithTheAnswer() {
        CustomerId customer = aCustomer(db, "P-ATT").id();
        PaymentAttempt[] attempts = db.inTransaction(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment payment = Payment.initiate(payments.nextId(), customer, CARD, PaymentChannel.ACCOUNTS_RECEIVABLE,
                    new AllocationPlan(usd(100), List.of(), usd(100)), null, T0);
            payment.submit(T0);
            payments.add(payment);
            // Same transaction as the payment, as PaymentLedger does it: the payment row must be written first.
            return new PaymentAttempt[] {payments.startAttempt(payment.id(), T0),
                payments.startAttempt(payment.id(), T0.plusMillis(1))};
        });
        PaymentAttempt attempt = attempts[0];
        assertNotEquals(attempts[0].id(), attempts[1].id());
        assertEquals("paydesk-attempt-" + attempt.id(), attempt.processorIdempotencyKey());

        PaymentAttemptEntity started = db.inTransaction(em -> em.find(PaymentAttemptEntity.class, attempt.id()));
        assertEquals(T0, started.startedAt());
        assertFalse(started.finished());

        PaymentFailure failure = new PaymentFailure("card_declined", "do_not_honor", "Declined.");
        db.run(em -> new JpaPaymentRepository(em).finishAttempt(attempt,
                new PaymentOutcome.Declined("pi_att_1", failure), T0.plusSeconds(2)));
        db.run(em -> new JpaPaymentRepository(em).finishAttempt(attempt,
                new PaymentOutcome.Succeeded("pi_att_other"), T0.plusSeconds(9)));

        PaymentAttemptEntity finished = db.inTransaction(em -> em.find(PaymentAttemptEntity.class, attempt.id()));
        assertEquals("DECLINED", finished.outcomeKind());
        assertEquals("pi_att_1", finished.processorReference());
        assertEquals("card_declined/do_not_honor: Declined.", finished.outcomeDetail());
        assertEquals(T0.plusSeconds(2), finished.finishedAt(), "the first answer recorded stands");
    }

    @Test
    void anUnknownAnswerIsRecordedWithItsReason() {
        CustomerId customer = aCustomer(db, "P-UNK").id();
        Payment stored = aPayment(customer, new AllocationPlan(usd(100), List.of(), usd(100)), null,
                PaymentChannel.ACCOUNTS_RECEIVABLE);
        PaymentAttempt attempt = db.inTransaction(em -> new JpaPaymentRepository(em).startAttempt(stored.id(), T0));

        db.run(em -> new JpaPaymentRepository(em).finishAttempt(attempt,
                new PaymentOutcome.Unknown("SocketTimeoutException"), T0.plusSeconds(30)));

        PaymentAttemptEntity finished = db.inTransaction(em -> em.find(PaymentAttemptEntity.class, attempt.id()));
        assertEquals("UNKNOWN", finished.outcomeKind());
        assertNull(finished.processorReference());
        assertEquals("SocketTimeoutException", finished.outcomeDetail());
    }

    @Test
    void aProcessorMessageLongerThanItsColumnIsShortenedNotRefused() {
        CustomerId customer = aCustomer(db, "P-LONG").id();
        Payment stored = aPayment(customer, new AllocationPlan(usd(100), List.of(), usd(100)), null,
                PaymentChannel.ACCOUNTS_RECEIVABLE);
        String longMessage = "x".repeat(1_500);

        db.run(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment payment = payments.find(stored.id()).orElseThrow();
            payment.record(new PaymentOutcome.Declined(null, new PaymentFailure("processing_error", null, longMessage)),
                    T0.plusSeconds(1));
            payments.update(payment);
        });

        PaymentFailure failure = find(stored.id()).failure();
        assertEquals("processing_error", failure.code());
        assertNull(failure.declineCode());
        assertEquals(longMessage.substring(0, 1_000), failure.message());
    }

    @Test
    void unappliedMoneyAppliedAfterThePaymentWasStoredIsWrittenAsANewAllocation() {
        CustomerId customer = aCustomer(db, "P-LATE").id();
        Receivable first = anOpenInvoice(db, customer, "INV-L-1", JAN_1, JAN_1.plusDays(5), 3_000);
        Payment stored = aPayment(customer, new AllocationPlan(usd(10_000),
                List.of(new Allocation(first.id(), first.number(), usd(3_000))), usd(7_000)), "key-late",
                PaymentChannel.ORDER_ENTRY);
        db.run(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment payment = payments.find(stored.id()).orElseThrow();
            payment.record(new PaymentOutcome.Succeeded("pi_late"), T0.plusSeconds(1));
            payments.update(payment);
        });
        // The order's invoice is created after the charge went through, and the unapplied money is applied to it.
        Receivable orderInvoice = anOpenInvoice(db, customer, "INV-L-2", JAN_1, JAN_1.plusDays(30), 6_000);
        Instant applied = T0.plusSeconds(2);

        db.run(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            JpaReceivableRepository receivables = new JpaReceivableRepository(em);
            Payment payment = payments.find(stored.id()).orElseThrow();
            Receivable invoice = receivables.find(orderInvoice.id()).orElseThrow();
            payment.applyUnappliedTo(invoice, usd(6_000), applied);
            payments.update(payment);
            receivables.update(List.of(invoice));
        });

        Payment read = find(stored.id());
        assertEquals(List.of(new Allocation(first.id(), first.number(), usd(3_000)),
                new Allocation(orderInvoice.id(), orderInvoice.number(), usd(6_000))), read.allocations(),
                "the stored allocation first, then the added one");
        assertEquals(usd(1_000), read.unapplied());
        assertEquals(usd(10_000), read.amount());
        assertEquals(PaymentStatus.SUCCEEDED, read.status());
        assertEquals(applied, read.updatedAt());
        assertEquals(3, read.version());
        assertEquals(usd(0), db.inTransaction(em -> new JpaReceivableRepository(em).find(orderInvoice.id()))
                .orElseThrow().openBalance());
        List<Integer> lines = db.inTransaction(em -> em.createQuery("SELECT a.lineNo FROM PaymentAllocationEntity a"
                + " WHERE a.payment.id = :id ORDER BY a.lineNo", Integer.class)
                .setParameter("id", stored.id().value())
                .getResultList());
        assertEquals(List.of(1, 2), lines);
    }

    @Test
    void aPaymentWithoutAllocationsCanBeAppliedToAnInvoiceLaterAndStaysGuardedByItsVersion() {
        CustomerId customer = aCustomer(db, "P-LATE2").id();
        Payment stored = aPayment(customer, new AllocationPlan(usd(5_000), List.of(), usd(5_000)), null,
                PaymentChannel.ECOMMERCE);
        Receivable invoice = anOpenInvoice(db, customer, "INV-L2-1", JAN_1, JAN_1.plusDays(30), 5_000);
        Payment stale = find(stored.id());

        db.run(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment payment = payments.find(stored.id()).orElseThrow();
            payment.applyUnappliedTo(invoice, usd(5_000), T0.plusSeconds(1));
            payments.update(payment);
        });

        Payment read = find(stored.id());
        assertEquals(List.of(new Allocation(invoice.id(), invoice.number(), usd(5_000))), read.allocations());
        assertEquals(usd(0), read.unapplied());
        assertEquals(2, read.version());

        stale.record(new PaymentOutcome.Unknown("timeout"), T0.plusSeconds(3));
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> db.run(em -> new JpaPaymentRepository(em).update(stale)));
        assertEquals("concurrent_update", conflict.code());
        assertEquals(1, find(stored.id()).allocations().size(), "the stale write neither removed nor added one");
    }

    @Test
    void aPaymentWhoseStoredAllocationsWereChangedIsRefusedNotWritten() {
        CustomerId customer = aCustomer(db, "P-TAMPER").id();
        Receivable invoice = anOpenInvoice(db, customer, "INV-T-1", JAN_1, JAN_1, 1_000);
        Payment stored = aPayment(customer, new AllocationPlan(usd(1_000),
                List.of(new Allocation(invoice.id(), invoice.number(), usd(1_000))), usd(0)), null,
                PaymentChannel.ACCOUNTS_RECEIVABLE);
        Payment read = find(stored.id());
        Payment withoutAllocations = Payment.restore(read.id(), read.customerId(), read.method(), read.channel(),
                new AllocationPlan(usd(1_000), List.of(), usd(1_000)), read.requestKey(), read.status(),
                read.processorReference(), read.failure(), read.createdAt(), read.updatedAt(), read.version());

        assertThrows(IllegalStateException.class,
                () -> db.run(em -> new JpaPaymentRepository(em).update(withoutAllocations)));
        assertEquals(read.plan(), find(stored.id()).plan());
    }

    private static Payment aPayment(CustomerId customer, AllocationPlan plan, String requestKey,
            PaymentChannel channel) {
        return db.inTransaction(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment payment = Payment.initiate(payments.nextId(), customer, CARD, channel, plan, requestKey, T0);
            payment.submit(T0);
            payments.add(payment);
            return payment;
        });
    }

    private static long refundedColumn(PaymentId id) {
        return db.inTransaction(em -> ((Number) em.createNativeQuery("SELECT refunded_minor FROM payment WHERE id = ?")
                .setParameter(1, id.value())
                .getSingleResult()).longValue());
    }

    private static Payment find(PaymentId id) {
        return db.inTransaction(em -> new JpaPaymentRepository(em).find(id)).orElseThrow();
    }
}
