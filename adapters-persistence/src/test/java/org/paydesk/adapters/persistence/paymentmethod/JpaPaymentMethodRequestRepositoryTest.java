package org.paydesk.adapters.persistence.paymentmethod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.T0;
import static org.paydesk.adapters.persistence.testing.Fixtures.aCustomer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.paymentmethod.LinkSecrets;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.paymentmethod.PaymentMethodRequest;
import org.paydesk.domain.paymentmethod.PaymentMethodRequestId;
import org.paydesk.domain.paymentmethod.PaymentMethodRequestStatus;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;

class JpaPaymentMethodRequestRepositoryTest {

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
    void aSentRequestComesBackAsStoredByIdAndByItsSecretHash() {
        CustomerId customer = aCustomer(db, "PMR-RT").id();
        PaymentMethodRequest stored = send(customer, "secret-round-trip", T0);

        PaymentMethodRequest byId = find(stored.id());
        PaymentMethodRequest byHash = db.inTransaction(em -> new JpaPaymentMethodRequestRepository(em)
                .findBySecretHash(LinkSecrets.hash("secret-round-trip"))).orElseThrow();

        for (PaymentMethodRequest read : List.of(byId, byHash)) {
            assertEquals(stored.id(), read.id());
            assertEquals(customer, read.customerId());
            assertEquals("ap@pmr-rt.example.com", read.recipientEmail());
            assertEquals(LinkSecrets.hash("secret-round-trip"), read.secretHash());
            assertEquals("cashier.ann", read.sentBy());
            assertEquals(T0, read.sentAt(), "to the nanosecond, in UTC");
            assertEquals(T0.plus(PaymentMethodRequest.LIFETIME), read.expiresAt());
            assertNull(read.openedAt());
            assertNull(read.completedAt());
            assertNull(read.completedWith());
            assertNull(read.revokedAt());
            assertNull(read.revokedBy());
            assertEquals(PaymentMethodRequestStatus.SENT, read.status(T0));
            assertEquals(1, read.version());
        }
    }

    @Test
    void anUnknownSecretHashFindsNothingAndLocksNothing() {
        String unknown = LinkSecrets.hash("never-sent");

        assertTrue(db.inTransaction(em -> new JpaPaymentMethodRequestRepository(em).findBySecretHash(unknown))
                .isEmpty());
        assertTrue(db.inTransaction(em -> new JpaPaymentMethodRequestRepository(em).lockBySecretHash(unknown))
                .isEmpty());
    }

    @Test
    void openingAndCompletingAreWrittenAndMoveTheVersion() {
        CustomerId customer = aCustomer(db, "PMR-DONE").id();
        PaymentMethodRequest stored = send(customer, "secret-completed", T0);
        Instant opened = T0.plusSeconds(60);
        Instant completed = T0.plusSeconds(120);

        db.run(em -> {
            JpaPaymentMethodRequestRepository requests = new JpaPaymentMethodRequestRepository(em);
            PaymentMethodRequest request = requests.lockBySecretHash(LinkSecrets.hash("secret-completed"))
                    .orElseThrow();
            request.markOpened(opened);
            requests.update(request);
        });
        db.run(em -> {
            JpaPaymentMethodRequestRepository requests = new JpaPaymentMethodRequestRepository(em);
            PaymentMethodRequest request = requests.lockBySecretHash(LinkSecrets.hash("secret-completed"))
                    .orElseThrow();
            request.complete(new PaymentMethodTokenId(77), completed);
            requests.update(request);
        });

        PaymentMethodRequest read = find(stored.id());
        assertEquals(opened, read.openedAt());
        assertEquals(completed, read.completedAt());
        assertEquals(new PaymentMethodTokenId(77), read.completedWith());
        assertEquals(PaymentMethodRequestStatus.COMPLETED, read.status(completed));
        assertEquals(3, read.version());
    }

    @Test
    void aRevokedRequestKeepsWhoRevokedItAndWhen() {
        CustomerId customer = aCustomer(db, "PMR-REV").id();
        PaymentMethodRequest stored = send(customer, "secret-revoked", T0);

        db.run(em -> {
            JpaPaymentMethodRequestRepository requests = new JpaPaymentMethodRequestRepository(em);
            PaymentMethodRequest request = requests.find(stored.id()).orElseThrow();
            request.revoke("sales.manager", T0.plusSeconds(5));
            requests.update(request);
        });

        PaymentMethodRequest read = find(stored.id());
        assertEquals(T0.plusSeconds(5), read.revokedAt());
        assertEquals("sales.manager", read.revokedBy());
        assertEquals(PaymentMethodRequestStatus.REVOKED, read.status(T0.plusSeconds(6)));
    }

    @Test
    void aChangeComputedFromAStaleReadIsRefusedAsAConcurrentUpdate() {
        CustomerId customer = aCustomer(db, "PMR-STALE").id();
        PaymentMethodRequest stored = send(customer, "secret-stale", T0);
        PaymentMethodRequest first = find(stored.id());
        PaymentMethodRequest second = find(stored.id());
        second.revoke("admin", T0.plusSeconds(1));
        db.run(em -> new JpaPaymentMethodRequestRepository(em).update(second));

        first.complete(new PaymentMethodTokenId(5), T0.plusSeconds(2));
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> db.run(em -> new JpaPaymentMethodRequestRepository(em).update(first)));

        assertEquals("concurrent_update", conflict.code());
        PaymentMethodRequest read = find(stored.id());
        assertNull(read.completedAt(), "the revoked link was not spent by the stale write");
        assertEquals(PaymentMethodRequestStatus.REVOKED, read.status(T0.plusSeconds(3)));
    }

    @Test
    void aCustomersRequestsComeNewestFirstAndOnlyTheirs() {
        CustomerId customer = aCustomer(db, "PMR-LIST").id();
        CustomerId someoneElse = aCustomer(db, "PMR-LIST-OTHER").id();
        PaymentMethodRequest older = send(customer, "secret-list-1", T0);
        PaymentMethodRequest newer = send(customer, "secret-list-2", T0.plus(Duration.ofHours(1)));
        send(someoneElse, "secret-list-3", T0.plus(Duration.ofHours(2)));

        List<PaymentMethodRequestId> order = db.inTransaction(em -> new JpaPaymentMethodRequestRepository(em)
                .findAll(customer)).stream().map(PaymentMethodRequest::id).toList();

        assertEquals(List.of(newer.id(), older.id()), order);
    }

    @Test
    void aSecondRequestWithTheSameSecretHashIsRefusedByTheDatabase() {
        CustomerId customer = aCustomer(db, "PMR-DUP").id();
        send(customer, "secret-duplicate", T0);

        assertThrows(PersistenceException.class, () -> send(customer, "secret-duplicate", T0.plusSeconds(1)));
        assertEquals(1, db.inTransaction(em -> new JpaPaymentMethodRequestRepository(em).findAll(customer)).size());
    }

    @Test
    void aLockedRequestCannotBeLockedByAnotherTransactionUntilTheFirstEnds() {
        CustomerId customer = aCustomer(db, "PMR-LOCK").id();
        send(customer, "secret-locked", T0);
        String hash = LinkSecrets.hash("secret-locked");
        EntityManager holder = db.factory().createEntityManager();
        try {
            holder.getTransaction().begin();
            assertTrue(new JpaPaymentMethodRequestRepository(holder).lockBySecretHash(hash).isPresent());

            assertThrows(PersistenceException.class,
                    () -> db.run(em -> new JpaPaymentMethodRequestRepository(em).lockBySecretHash(hash)),
                    "SELECT ... FOR UPDATE must wait for the holder (and time out here)");
            assertTrue(db.inTransaction(em -> new JpaPaymentMethodRequestRepository(em).findBySecretHash(hash))
                    .isPresent(), "a plain read does not wait for the lock");

            holder.getTransaction().commit();
        } finally {
            holder.close();
        }
        assertTrue(db.inTransaction(em -> new JpaPaymentMethodRequestRepository(em).lockBySecretHash(hash))
                .isPresent(), "after the holder's commit the lock is free");
    }

    @Test
    void theLockReadsTheCommittedRowEvenAfterAnOlderReadInTheSameTransaction() {
        CustomerId customer = aCustomer(db, "PMR-FRESH").id();
        PaymentMethodRequest stored = send(customer, "secret-fresh", T0);
        String hash = LinkSecrets.hash("secret-fresh");

        PaymentMethodRequest locked = db.inTransaction(em -> {
            JpaPaymentMethodRequestRepository requests = new JpaPaymentMethodRequestRepository(em);
            requests.findBySecretHash(hash).orElseThrow(); // now in this persistence context, still unspent
            db.run(other -> { // a racing submission spends the link and commits
                JpaPaymentMethodRequestRepository theirs = new JpaPaymentMethodRequestRepository(other);
                PaymentMethodRequest request = theirs.find(stored.id()).orElseThrow();
                request.complete(new PaymentMethodTokenId(9), T0.plusSeconds(1));
                theirs.update(request);
            });
            return requests.lockBySecretHash(hash).orElseThrow();
        });

        assertEquals(PaymentMethodRequestStatus.COMPLETED, locked.status(T0.plusSeconds(2)),
                "the loser of the race must see the link spent");
        assertEquals(2, locked.version());
    }

    private static PaymentMethodRequest send(CustomerId customer, String secret, Instant at) {
        return db.inTransaction(em -> {
            JpaPaymentMethodRequestRepository requests = new JpaPaymentMethodRequestRepository(em);
            PaymentMethodRequest request = PaymentMethodRequest.send(requests.nextId(), customer,
                    "ap@" + numberOf(em, customer).toLowerCase() + ".example.com", LinkSecrets.hash(secret),
                    "cashier.ann", at);
            requests.add(request);
            return request;
        });
    }

    private static String numberOf(EntityManager em, CustomerId customer) {
        return em.createQuery("SELECT c.customerNumber FROM CustomerEntity c WHERE c.id = :id", String.class)
                .setParameter("id", customer.value())
                .getSingleResult();
    }

    private static PaymentMethodRequest find(PaymentMethodRequestId id) {
        return db.inTransaction(em -> new JpaPaymentMethodRequestRepository(em).find(id)).orElseThrow();
    }
}
