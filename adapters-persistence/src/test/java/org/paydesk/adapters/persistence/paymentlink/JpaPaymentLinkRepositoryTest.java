package org.paydesk.adapters.persistence.paymentlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.T0;
import static org.paydesk.adapters.persistence.testing.Fixtures.aCustomer;
import static org.paydesk.adapters.persistence.testing.Fixtures.anOpenInvoice;

import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.paymentmethod.LinkSecrets;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.paymentlink.PaymentLink;
import org.paydesk.domain.paymentlink.PaymentLinkKind;
import org.paydesk.domain.receivable.Receivable;

/** Payment links on real EclipseLink and H2 as the embedded default runs it; the subclass runs them in Oracle mode. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JpaPaymentLinkRepositoryTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 1);

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

    private PaymentLink send(PaymentLinkKind kind, CustomerId customer, List<Receivable> invoices,
            String secret) {
        return db.inTransaction(em -> {
            JpaPaymentLinkRepository links = new JpaPaymentLinkRepository(em);
            PaymentLink link = PaymentLink.send(links.nextId(), kind, customer, invoices, "ap@customer.example",
                    LinkSecrets.hash(secret), "cashier.ann", T0);
            links.add(link);
            return link;
        });
    }

    private PaymentLink find(PaymentLink link) {
        return db.inTransaction(em -> new JpaPaymentLinkRepository(em).find(link.id())).orElseThrow();
    }

    @Test
    void aStatementLinkComesBackWithItsInvoicesInOrderByIdAndBySecretHash() {
        CustomerId customer = aCustomer(db, "PL-RT").id();
        Receivable second = anOpenInvoice(db, customer, "PL-RT-2", ISSUED, ISSUED.plusDays(40), 5_000);
        Receivable first = anOpenInvoice(db, customer, "PL-RT-1", ISSUED, ISSUED.plusDays(30), 12_550);
        PaymentLink stored = send(PaymentLinkKind.STATEMENT, customer, List.of(first, second), "link-round-trip");

        PaymentLink byHash = db.inTransaction(em -> new JpaPaymentLinkRepository(em)
                .findBySecretHash(LinkSecrets.hash("link-round-trip"))).orElseThrow();

        for (PaymentLink read : List.of(find(stored), byHash)) {
            assertEquals(stored.id(), read.id());
            assertEquals(PaymentLinkKind.STATEMENT, read.kind());
            assertEquals(customer, read.customerId());
            assertEquals(List.of(first.id(), second.id()), read.invoices());
            assertEquals("ap@customer.example", read.recipientEmail());
            assertEquals(LinkSecrets.hash("link-round-trip"), read.secretHash());
            assertEquals("cashier.ann", read.sentBy());
            assertEquals(T0, read.sentAt(), "to the nanosecond, in UTC");
            assertNull(read.openedAt());
            assertNull(read.lastPaymentId());
            assertEquals(1, read.version());
        }
        assertEquals(List.of(stored.id()), db.inTransaction(em -> new JpaPaymentLinkRepository(em).findAll(customer))
                .stream().map(PaymentLink::id).toList());
    }

    @Test
    void theFirstOpeningAndAPaymentAreWrittenUnderTheLockAndMoveTheVersion() {
        CustomerId customer = aCustomer(db, "PL-OPEN").id();
        Receivable invoice = anOpenInvoice(db, customer, "PL-OPEN-1", ISSUED, ISSUED.plusDays(30), 9_900);
        PaymentLink stored = send(PaymentLinkKind.INVOICE, customer, List.of(invoice), "link-opened");

        db.run(em -> {
            JpaPaymentLinkRepository links = new JpaPaymentLinkRepository(em);
            PaymentLink link = links.lock(stored.id()).orElseThrow();
            link.markOpened(T0.plusSeconds(60));
            links.update(link);
        });
        db.run(em -> {
            JpaPaymentLinkRepository links = new JpaPaymentLinkRepository(em);
            PaymentLink link = links.lock(stored.id()).orElseThrow();
            link.paymentTaken(new PaymentId(4242), T0.plusSeconds(90));
            links.update(link);
        });

        PaymentLink read = find(stored);
        assertEquals(T0.plusSeconds(60), read.openedAt());
        assertEquals(T0.plusSeconds(60).plus(PaymentLink.ACTIVE_FOR), read.activeUntil());
        assertEquals(new PaymentId(4242), read.lastPaymentId());
        assertEquals(T0.plusSeconds(90), read.lastPaymentAt());
        assertEquals(3, read.version());
    }

    @Test
    void aChangeComputedFromAStaleReadIsRefusedAsAConcurrentUpdate() {
        CustomerId customer = aCustomer(db, "PL-STALE").id();
        Receivable invoice = anOpenInvoice(db, customer, "PL-STALE-1", ISSUED, ISSUED.plusDays(30), 1_000);
        PaymentLink stored = send(PaymentLinkKind.INVOICE, customer, List.of(invoice), "link-stale");
        PaymentLink first = find(stored);
        PaymentLink second = find(stored);
        second.markOpened(T0.plusSeconds(1));
        db.run(em -> new JpaPaymentLinkRepository(em).update(second));

        first.markOpened(T0.plusSeconds(2));
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> db.run(em -> new JpaPaymentLinkRepository(em).update(first)));

        assertEquals("concurrent_update", conflict.code());
        assertEquals(T0.plusSeconds(1), find(stored).openedAt());
    }

    @Test
    void anUnknownSecretHashFindsNothingAndTheSameSecretCannotBeStoredTwice() {
        assertTrue(db.inTransaction(em -> new JpaPaymentLinkRepository(em)
                .findBySecretHash(LinkSecrets.hash("never-sent"))).isEmpty());
        CustomerId customer = aCustomer(db, "PL-DUP").id();
        Receivable invoice = anOpenInvoice(db, customer, "PL-DUP-1", ISSUED, ISSUED.plusDays(30), 1_000);
        send(PaymentLinkKind.INVOICE, customer, List.of(invoice), "link-duplicate");

        assertThrows(PersistenceException.class,
                () -> send(PaymentLinkKind.INVOICE, customer, List.of(invoice), "link-duplicate"));
    }
}
