package org.paydesk.adapters.persistence.order;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.payment.JpaPaymentRepository;
import org.paydesk.adapters.persistence.receivable.JpaReceivableRepository;
import org.paydesk.adapters.persistence.testing.SqlCounter;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.order.port.in.OrderCriteria;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.OrderLine;
import org.paydesk.domain.order.OrderSource;
import org.paydesk.domain.order.OrderStatus;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.AllocationPlan;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.receivable.Receivable;

class JpaSalesOrderRepositoryTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final OrderLine WIDGETS = new OrderLine(new Sku("WID-1"), "Widget", 3, usd(1_250));
    private static final OrderLine BOLTS = new OrderLine(new Sku("BOLT-9"), "Bolt, M8", 100, usd(15));

    private TestDatabase db;

    @BeforeEach
    void migrate() {
        db = TestDatabase.migrated();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anOrderComesBackWithItsLinesInOrderItsTotalAndAVersion() {
        CustomerId customer = aCustomer(db, "O-RT").id();
        SalesOrder placed = anOrder("SO-RT-1", customer, OrderSource.INTEGRATION, T0, WIDGETS, BOLTS);

        SalesOrder read = find(placed.id());

        assertEquals("SO-RT-1", read.number());
        assertEquals(customer, read.customerId());
        assertEquals(OrderSource.INTEGRATION, read.source());
        assertEquals(List.of(WIDGETS, BOLTS), read.lines());
        assertEquals(usd(3 * 1_250 + 100 * 15), read.total());
        assertEquals(OrderStatus.OPEN, read.status());
        assertNull(read.paymentId());
        assertNull(read.receivableId());
        assertEquals(T0, read.createdAt(), "to the nanosecond, in UTC");
        assertEquals(T0, read.updatedAt());
        assertEquals(1, read.version());
        assertTrue(db.inTransaction(em -> new JpaSalesOrderRepository(em).find(new SalesOrderId(999_999)))
                .isEmpty());
    }

    @Test
    void nextIdHandsOutTheOrderSequenceAndAnAddedOrderKeepsItsId() {
        CustomerId customer = aCustomer(db, "O-ID").id();
        SalesOrderId first = db.inTransaction(em -> new JpaSalesOrderRepository(em).nextId());

        SalesOrder placed = anOrder("SO-ID-1", customer, OrderSource.STAFF, T0, WIDGETS);

        assertEquals(1L, first.value(), "the first block is 1..50");
        assertEquals(2L, placed.id().value());
        assertEquals(placed.id(), find(placed.id()).id());
    }

    @Test
    void paymentStartAndConfirmationAreWrittenAndFindByPaymentFindsTheOrder() {
        CustomerId customer = aCustomer(db, "O-PAY").id();
        SalesOrder placed = anOrder("SO-PAY-1", customer, OrderSource.STAFF, T0, WIDGETS);
        Payment payment = aPayment(customer, 3_750);
        Receivable invoice = anOpenInvoice(db, customer, "INV-SO-PAY-1", JAN_1, JAN_1.plusDays(30), 3_750);

        db.run(em -> {
            JpaSalesOrderRepository orders = new JpaSalesOrderRepository(em);
            SalesOrder order = orders.find(placed.id()).orElseThrow();
            order.paymentStarted(payment.id(), T0.plusSeconds(1));
            orders.update(order);
        });
        SalesOrder started = find(placed.id());
        assertEquals(payment.id(), started.paymentId());
        assertEquals(OrderStatus.OPEN, started.status());
        assertEquals(2, started.version());

        db.run(em -> {
            JpaSalesOrderRepository orders = new JpaSalesOrderRepository(em);
            SalesOrder order = orders.findByPayment(payment.id()).orElseThrow();
            order.confirmPaid(payment.id(), invoice.id(), T0.plusSeconds(2));
            orders.update(order);
        });

        SalesOrder confirmed = find(placed.id());
        assertEquals(OrderStatus.CONFIRMED, confirmed.status());
        assertEquals(invoice.id(), confirmed.receivableId());
        assertEquals(payment.id(), confirmed.paymentId());
        assertEquals(T0.plusSeconds(2), confirmed.updatedAt());
        assertEquals(T0, confirmed.createdAt());
        assertEquals(3, confirmed.version());
        assertEquals(List.of(WIDGETS), confirmed.lines());
        assertTrue(db.inTransaction(em -> new JpaSalesOrderRepository(em).findByPayment(new PaymentId(999_999)))
                .isEmpty());
    }

    @Test
    void anOrderMayNameAPaymentAndAnInvoiceAddedEarlierInTheSameTransaction() {
        CustomerId customer = aCustomer(db, "O-SAME").id();
        SalesOrder placed = anOrder("SO-SAME-1", customer, OrderSource.STAFF, T0, BOLTS);

        PaymentId paymentId = db.inTransaction(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            JpaReceivableRepository receivables = new JpaReceivableRepository(em);
            JpaSalesOrderRepository orders = new JpaSalesOrderRepository(em);
            Payment payment = Payment.initiate(payments.nextId(), customer,
                    new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa"), PaymentChannel.ORDER_ENTRY,
                    new AllocationPlan(usd(1_500), List.of(), usd(1_500)), null, T0);
            payment.submit(T0);
            payments.add(payment);
            Receivable invoice = Receivable.open(receivables.nextId(), customer, "INV-SAME-1", JAN_1, JAN_1,
                    usd(1_500));
            receivables.add(invoice);
            SalesOrder order = orders.find(placed.id()).orElseThrow();
            order.paymentStarted(payment.id(), T0.plusSeconds(1));
            order.confirmPaid(payment.id(), invoice.id(), T0.plusSeconds(1));
            orders.update(order);
            return payment.id();
        });

        SalesOrder read = find(placed.id());
        assertEquals(paymentId, read.paymentId());
        assertEquals(OrderStatus.CONFIRMED, read.status());
    }

    @Test
    void anUpdateFromAStaleReadIsRefusedAsAConcurrentUpdate() {
        CustomerId customer = aCustomer(db, "O-STALE").id();
        SalesOrder placed = anOrder("SO-STALE-1", customer, OrderSource.STAFF, T0, WIDGETS);
        SalesOrder stale = find(placed.id());
        db.run(em -> {
            JpaSalesOrderRepository orders = new JpaSalesOrderRepository(em);
            SalesOrder order = orders.find(placed.id()).orElseThrow();
            order.cancel(T0.plusSeconds(1));
            orders.update(order);
        });

        stale.confirmUnpaid(anOpenInvoice(db, customer, "INV-STALE", JAN_1, JAN_1, 3_750).id(), T0.plusSeconds(2));
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> db.run(em -> new JpaSalesOrderRepository(em).update(stale)));

        assertEquals("concurrent_update", conflict.code());
        assertEquals(OrderStatus.CANCELLED, find(placed.id()).status());
    }

    @Test
    void aRowChangedBetweenOurReadAndOurWriteIsReportedAsAConcurrentUpdate() {
        CustomerId customer = aCustomer(db, "O-RACE").id();
        SalesOrder placed = anOrder("SO-RACE-1", customer, OrderSource.STAFF, T0, WIDGETS);

        ConflictException conflict = assertThrows(ConflictException.class, () -> db.run(em -> {
            JpaSalesOrderRepository orders = new JpaSalesOrderRepository(em);
            SalesOrder order = orders.find(placed.id()).orElseThrow();
            db.run(other -> {
                JpaSalesOrderRepository theirs = new JpaSalesOrderRepository(other);
                SalesOrder concurrent = theirs.find(placed.id()).orElseThrow();
                concurrent.cancel(T0.plusSeconds(1));
                theirs.update(concurrent);
            });
            order.cancel(T0.plusSeconds(2));
            orders.update(order);
        }));

        assertEquals("concurrent_update", conflict.code());
        assertEquals(T0.plusSeconds(1), find(placed.id()).updatedAt());
    }

    @Test
    void numberTakenKnowsPlacedNumbersOnlyAndTheDatabaseRefusesASecondOrderWithTheSameNumber() {
        CustomerId customer = aCustomer(db, "O-NUM").id();
        anOrder("SO-NUM-1", customer, OrderSource.STAFF, T0, WIDGETS);

        assertTrue(db.<Boolean>inTransaction(em -> new JpaSalesOrderRepository(em).numberTaken("SO-NUM-1")));
        assertFalse(db.<Boolean>inTransaction(em -> new JpaSalesOrderRepository(em).numberTaken("SO-NUM-2")));
        assertThrows(RuntimeException.class, () -> anOrder("SO-NUM-1", customer, OrderSource.STAFF, T0, BOLTS));
    }

    @Test
    void anOrderWhoseStoredTotalDisagreesWithItsLinesIsRefusedNotShown() {
        CustomerId customer = aCustomer(db, "O-TOTAL").id();
        SalesOrder placed = anOrder("SO-TOTAL-1", customer, OrderSource.STAFF, T0, WIDGETS);
        db.run(em -> em.createNativeQuery("UPDATE sales_order SET total_minor = 1 WHERE id = ?")
                .setParameter(1, placed.id().value())
                .executeUpdate());

        assertThrows(IllegalStateException.class, () -> find(placed.id()));
    }

    @Test
    void searchWithoutCriteriaListsEveryOrderNewestFirstThenByIdAndPagesWithATotal() {
        CustomerId customer = aCustomer(db, "O-ALL").id();
        SalesOrder oldest = anOrder("SO-A-1", customer, OrderSource.STAFF, T0.minusSeconds(60), WIDGETS);
        SalesOrder tieLow = anOrder("SO-A-2", customer, OrderSource.STAFF, T0, WIDGETS);
        SalesOrder tieHigh = anOrder("SO-A-3", customer, OrderSource.STAFF, T0, WIDGETS);
        SalesOrder newest = anOrder("SO-A-4", customer, OrderSource.STAFF, T0.plusSeconds(60), WIDGETS);
        OrderCriteria none = new OrderCriteria(null, null, null, null, null);

        Page<SalesOrder> first = search(none, 0, 3);
        Page<SalesOrder> second = search(none, 1, 3);

        assertEquals(4, first.total());
        assertEquals(List.of(newest.id(), tieHigh.id(), tieLow.id()), ids(first));
        assertEquals(List.of(oldest.id()), ids(second));
        assertEquals(4, second.total());
        assertEquals(1, second.page());
        assertEquals(3, second.size());
        assertEquals(4, search(null, 0, 10).total(), "no criteria at all lists everything too");
    }

    @Test
    void searchByNumberMatchesExactlyThatNumber() {
        CustomerId customer = aCustomer(db, "O-BYNUM").id();
        SalesOrder wanted = anOrder("SO-100", customer, OrderSource.STAFF, T0, WIDGETS);
        anOrder("SO-1000", customer, OrderSource.STAFF, T0, WIDGETS);
        anOrder("so-100", customer, OrderSource.STAFF, T0, WIDGETS);

        Page<SalesOrder> found = search(new OrderCriteria("SO-100", null, null, null, null), 0, 10);

        assertEquals(List.of(wanted.id()), ids(found));
        assertEquals(1, found.total());
        assertEquals(0, search(new OrderCriteria("SO-10", null, null, null, null), 0, 10).total());
    }

    @Test
    void searchByCustomerListsThatCustomersOrdersOnly() {
        CustomerId mine = aCustomer(db, "O-MINE").id();
        CustomerId theirs = aCustomer(db, "O-THEIRS").id();
        SalesOrder first = anOrder("SO-M-1", mine, OrderSource.ECOMMERCE, T0, WIDGETS);
        anOrder("SO-T-1", theirs, OrderSource.ECOMMERCE, T0, WIDGETS);
        SalesOrder second = anOrder("SO-M-2", mine, OrderSource.ECOMMERCE, T0.plusSeconds(1), WIDGETS);

        Page<SalesOrder> found = search(new OrderCriteria(null, mine, null, null, null), 0, 10);

        assertEquals(List.of(second.id(), first.id()), ids(found));
        assertEquals(2, found.total());
    }

    @Test
    void searchByStatusListsOrdersInThatStatusOnly() {
        CustomerId customer = aCustomer(db, "O-STATUS").id();
        SalesOrder open = anOrder("SO-S-1", customer, OrderSource.STAFF, T0, WIDGETS);
        SalesOrder cancelled = anOrder("SO-S-2", customer, OrderSource.STAFF, T0, WIDGETS);
        db.run(em -> {
            JpaSalesOrderRepository orders = new JpaSalesOrderRepository(em);
            SalesOrder order = orders.find(cancelled.id()).orElseThrow();
            order.cancel(T0.plusSeconds(1));
            orders.update(order);
        });

        assertEquals(List.of(cancelled.id()),
                ids(search(new OrderCriteria(null, null, OrderStatus.CANCELLED, null, null), 0, 10)));
        assertEquals(List.of(open.id()),
                ids(search(new OrderCriteria(null, null, OrderStatus.OPEN, null, null), 0, 10)));
        assertEquals(0, search(new OrderCriteria(null, null, OrderStatus.CONFIRMED, null, null), 0, 10).total());
    }

    @Test
    void searchByDaysTakesWholeUtcDaysInclusiveAtBothEnds() {
        CustomerId customer = aCustomer(db, "O-DAYS").id();
        SalesOrder lastOfNov27 = anOrder("SO-D-1", customer, OrderSource.STAFF,
                Instant.parse("2026-11-27T23:59:59.999999999Z"), WIDGETS);
        SalesOrder startOfNov28 = anOrder("SO-D-2", customer, OrderSource.STAFF,
                Instant.parse("2026-11-28T00:00:00Z"), WIDGETS);
        SalesOrder lastOfNov29 = anOrder("SO-D-3", customer, OrderSource.STAFF,
                Instant.parse("2026-11-29T23:59:59.999999999Z"), WIDGETS);
        SalesOrder startOfNov30 = anOrder("SO-D-4", customer, OrderSource.STAFF,
                Instant.parse("2026-11-30T00:00:00Z"), WIDGETS);
        LocalDate nov28 = LocalDate.of(2026, 11, 28);
        LocalDate nov29 = LocalDate.of(2026, 11, 29);

        assertEquals(List.of(lastOfNov29.id(), startOfNov28.id()),
                ids(search(new OrderCriteria(null, null, null, nov28, nov29), 0, 10)));
        assertEquals(List.of(startOfNov30.id(), lastOfNov29.id(), startOfNov28.id()),
                ids(search(new OrderCriteria(null, null, null, nov28, null), 0, 10)), "from only");
        assertEquals(List.of(lastOfNov29.id(), startOfNov28.id(), lastOfNov27.id()),
                ids(search(new OrderCriteria(null, null, null, null, nov29), 0, 10)), "to only");
        assertEquals(List.of(lastOfNov29.id()),
                ids(search(new OrderCriteria(null, null, null, nov29, nov29), 0, 10)), "one day");
    }

    @Test
    void searchAppliesEveryGivenCriterionTogether() {
        CustomerId mine = aCustomer(db, "O-AND-1").id();
        CustomerId theirs = aCustomer(db, "O-AND-2").id();
        SalesOrder wanted = anOrder("SO-AND-1", mine, OrderSource.STAFF, T0, WIDGETS);
        anOrder("SO-AND-2", mine, OrderSource.STAFF, T0.minusSeconds(86_400 * 3), WIDGETS);
        anOrder("SO-AND-3", theirs, OrderSource.STAFF, T0, WIDGETS);
        LocalDate day = LocalDate.of(2026, 11, 29);

        assertEquals(List.of(wanted.id()),
                ids(search(new OrderCriteria(null, mine, OrderStatus.OPEN, day, day), 0, 10)));
        assertEquals(List.of(wanted.id()),
                ids(search(new OrderCriteria("SO-AND-1", mine, OrderStatus.OPEN, day, day), 0, 10)));
        assertEquals(0, search(new OrderCriteria("SO-AND-1", theirs, null, null, null), 0, 10).total());
        assertEquals(0, search(new OrderCriteria("SO-AND-1", null, OrderStatus.CANCELLED, null, null), 0, 10)
                .total());
    }

    @Test
    void aPageOfOrdersReadsTheLinesOfAllOfThemInOneMoreQuery() {
        CustomerId customer = aCustomer(db, "O-BATCH").id();
        for (int i = 1; i <= 12; i++) {
            anOrder("SO-B-" + i, customer, OrderSource.STAFF, T0.plusSeconds(i), WIDGETS, BOLTS);
        }
        SqlCounter sql = SqlCounter.on(db.factory());

        SqlCounter.Counted<Page<SalesOrder>> counted = db.inTransaction(em -> sql.count(() ->
                new JpaSalesOrderRepository(em).search(new OrderCriteria(null, customer, null, null, null),
                        new PageRequest(0, 10))));

        assertEquals(10, counted.result().items().size());
        assertTrue(counted.result().items().stream().allMatch(order -> order.lines().size() == 2));
        assertTrue(counted.statements() <= 3, "orders, their lines, the count: " + counted.statements());
    }

    private SalesOrder anOrder(String number, CustomerId customer, OrderSource source, Instant at,
            OrderLine... lines) {
        return db.inTransaction(em -> {
            JpaSalesOrderRepository orders = new JpaSalesOrderRepository(em);
            SalesOrder order = SalesOrder.place(orders.nextId(), number, customer, source, List.of(lines), at);
            orders.add(order);
            return order;
        });
    }

    private Payment aPayment(CustomerId customer, long cents) {
        return db.inTransaction(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            Payment payment = Payment.initiate(payments.nextId(), customer,
                    new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa"), PaymentChannel.ORDER_ENTRY,
                    new AllocationPlan(usd(cents), List.of(), usd(cents)), null, T0);
            payment.submit(T0);
            payments.add(payment);
            return payment;
        });
    }

    private SalesOrder find(SalesOrderId id) {
        return db.inTransaction(em -> new JpaSalesOrderRepository(em).find(id)).orElseThrow();
    }

    private Page<SalesOrder> search(OrderCriteria criteria, int page, int size) {
        return db.inTransaction(em -> new JpaSalesOrderRepository(em).search(criteria, new PageRequest(page, size)));
    }

    private static List<SalesOrderId> ids(Page<SalesOrder> page) {
        return page.items().stream().map(SalesOrder::id).toList();
    }
}
