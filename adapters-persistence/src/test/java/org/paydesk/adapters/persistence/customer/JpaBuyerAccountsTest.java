package org.paydesk.adapters.persistence.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.aCustomer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.domain.customer.CustomerId;

class JpaBuyerAccountsTest {

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
    void aLinkedLoginActsForItsCustomerAndAnUnknownLoginForNone() {
        CustomerId customer = aCustomer(db, "BUY-1").id();

        db.run(em -> new JpaBuyerAccounts(em).link("buyer.one@shop.example", customer));

        assertEquals(Optional.of(customer), customerOf("buyer.one@shop.example"));
        assertEquals(Optional.empty(), customerOf("nobody@shop.example"));
        assertEquals(Optional.empty(), customerOf(null));
    }

    @Test
    void loginsMatchExactlyAsTheIdentityStoreSpellsThem() {
        CustomerId customer = aCustomer(db, "BUY-CASE").id();

        db.run(em -> new JpaBuyerAccounts(em).link("Buyer.Case", customer));

        assertEquals(Optional.of(customer), customerOf("Buyer.Case"));
        assertEquals(Optional.empty(), customerOf("buyer.case"));
    }

    @Test
    void linkingTheSameLoginToTheSameCustomerAgainChangesNothing() {
        CustomerId customer = aCustomer(db, "BUY-AGAIN").id();
        db.run(em -> new JpaBuyerAccounts(em).link("buyer.again", customer));

        db.run(em -> new JpaBuyerAccounts(em).link("buyer.again", customer));

        assertEquals(1L, rows("buyer.again"));
        assertEquals(Optional.of(customer), customerOf("buyer.again"));
    }

    @Test
    void aLoginLinkedToAnotherCustomerIsRefusedAsTaken() {
        CustomerId first = aCustomer(db, "BUY-TAKEN-1").id();
        CustomerId second = aCustomer(db, "BUY-TAKEN-2").id();
        db.run(em -> new JpaBuyerAccounts(em).link("buyer.taken", first));

        ConflictException conflict = assertThrows(ConflictException.class,
                () -> db.run(em -> new JpaBuyerAccounts(em).link("buyer.taken", second)));

        assertEquals("buyer_login_taken", conflict.code());
        assertEquals("login", conflict.field());
        assertEquals(Optional.of(first), customerOf("buyer.taken"), "the first link stands");
    }

    @Test
    void aLoginLinkedByAnotherTransactionAfterOurCheckIsRefusedAsTakenNotAsAnError() throws Exception {
        CustomerId theirs = aCustomer(db, "BUY-RACE-1").id();
        CustomerId ours = aCustomer(db, "BUY-RACE-2").id();
        // The other link has inserted (not yet committed) when we look, so our check sees nothing and our insert
        // waits on the unique index; it fails as a duplicate once the other commits.
        EntityManager other = db.factory().createEntityManager();
        other.getTransaction().begin();
        new JpaBuyerAccounts(other).link("buyer.race", theirs);
        other.flush();
        ExecutorService committer = Executors.newSingleThreadExecutor();
        try {
            Future<?> commit = committer.submit(() -> {
                Thread.sleep(300);
                other.getTransaction().commit();
                return null;
            });

            ConflictException conflict = assertThrows(ConflictException.class,
                    () -> db.run(em -> new JpaBuyerAccounts(em).link("buyer.race", ours)));

            commit.get();
            assertEquals("buyer_login_taken", conflict.code());
            assertTrue(conflict.getCause() instanceof PersistenceException, "it really hit the constraint");
            assertEquals(Optional.of(theirs), customerOf("buyer.race"));
        } finally {
            committer.shutdownNow();
            other.close();
        }
    }

    @Test
    void aCustomerMayHaveSeveralBuyerLogins() {
        CustomerId customer = aCustomer(db, "BUY-MANY").id();

        db.run(em -> {
            JpaBuyerAccounts buyers = new JpaBuyerAccounts(em);
            buyers.link("buyer.many.1", customer);
            buyers.link("buyer.many.2", customer);
        });

        assertEquals(Optional.of(customer), customerOf("buyer.many.1"));
        assertEquals(Optional.of(customer), customerOf("buyer.many.2"));
    }

    @Test
    void aFailureThatIsNotATakenLoginIsReportedAsItIs() {
        assertThrows(PersistenceException.class, // not buyer_login_taken: the customer does not exist
                () -> db.run(em -> new JpaBuyerAccounts(em).link("buyer.nobody", new CustomerId(999_999))));

        assertEquals(Optional.empty(), customerOf("buyer.nobody"));
    }

    private static Optional<CustomerId> customerOf(String login) {
        return db.inTransaction(em -> new JpaBuyerAccounts(em).customerOf(login));
    }

    private static long rows(String login) {
        return db.inTransaction(em -> em.createQuery("SELECT COUNT(b) FROM BuyerAccountEntity b WHERE b.login = :login",
                Long.class).setParameter("login", login).getSingleResult());
    }
}
