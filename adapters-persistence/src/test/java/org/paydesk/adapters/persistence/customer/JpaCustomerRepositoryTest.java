package org.paydesk.adapters.persistence.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.USD;
import static org.paydesk.adapters.persistence.testing.Fixtures.aCustomer;
import static org.paydesk.adapters.persistence.testing.Fixtures.usd;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.customer.CustomerPreferences;

class JpaCustomerRepositoryTest {

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
    void aRegisteredCustomerComesBackAsItWasStoredWithAVersion() {
        Customer stored = aCustomer(db, "RT-1");

        Customer read = db.inTransaction(em -> new JpaCustomerRepository(em).find(stored.id())).orElseThrow();

        assertEquals(stored.id(), read.id());
        assertEquals("RT-1", read.number());
        assertEquals("Customer RT-1", read.name());
        assertEquals("ap@rt-1.example.com", read.email());
        assertEquals(USD, read.currency());
        assertEquals(usd(0), read.creditBalance());
        assertEquals(1, read.version(), "EclipseLink starts a numeric version at 1 on insert");
    }

    @Test
    void aRegisteredCustomerHasTheDefaultPreferencesAndChangedOnesAreWrittenAndMoveTheVersion() {
        Customer stored = aCustomer(db, "PREF-1");
        assertEquals(CustomerPreferences.DEFAULT, db.inTransaction(em -> new JpaCustomerRepository(em)
                .find(stored.id())).orElseThrow().preferences());
        CustomerPreferences changed = new CustomerPreferences(true, false, false);

        db.run(em -> {
            JpaCustomerRepository customers = new JpaCustomerRepository(em);
            Customer customer = customers.lock(stored.id()).orElseThrow();
            customer.changePreferences(changed);
            customers.update(customer);
        });

        Customer read = db.inTransaction(em -> new JpaCustomerRepository(em).find(stored.id())).orElseThrow();
        assertEquals(changed, read.preferences());
        assertEquals(2, read.version());
        assertEquals(usd(0), read.creditBalance());
    }

    @Test
    void everyCombinationOfPreferencesComesBackAsStored() {
        for (int bits = 0; bits < 8; bits++) {
            int number = bits;
            CustomerPreferences preferences = new CustomerPreferences((bits & 1) != 0, (bits & 2) != 0,
                    (bits & 4) != 0);
            CustomerId id = db.inTransaction(em -> {
                JpaCustomerRepository customers = new JpaCustomerRepository(em);
                Customer customer = Customer.register(customers.nextId(), "COMBO-" + number, "Combo",
                        null, USD);
                customer.changePreferences(preferences);
                customers.add(customer);
                return customer.id();
            });

            assertEquals(preferences, db.inTransaction(em -> new JpaCustomerRepository(em).find(id)).orElseThrow()
                    .preferences());
        }
    }

    @Test
    void aPreferenceChangeFromAStaleReadIsRefusedAsAConcurrentUpdate() {
        Customer stored = aCustomer(db, "PREF-STALE");
        Customer stale = db.inTransaction(em -> new JpaCustomerRepository(em).find(stored.id())).orElseThrow();
        db.run(em -> {
            JpaCustomerRepository customers = new JpaCustomerRepository(em);
            Customer customer = customers.find(stored.id()).orElseThrow();
            customer.addCredit(usd(10));
            customers.update(customer);
        });

        stale.changePreferences(new CustomerPreferences(true, true, true));
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> db.run(em -> new JpaCustomerRepository(em).update(stale)));

        assertEquals("concurrent_update", conflict.code());
        assertEquals(CustomerPreferences.DEFAULT, db.inTransaction(em -> new JpaCustomerRepository(em)
                .find(stored.id())).orElseThrow().preferences());
    }

    @Test
    void nextIdHandsOutTheSequenceInBlocksOfFiftyAndAnAddedCustomerKeepsItsId() {
        try (TestDatabase fresh = TestDatabase.migrated()) {
            List<Long> ids = fresh.inTransaction(em -> {
                JpaCustomerRepository customers = new JpaCustomerRepository(em);
                List<Long> handedOut = new ArrayList<>();
                for (int i = 0; i < 51; i++) {
                    handedOut.add(customers.nextId().value());
                }
                return handedOut;
            });
            assertEquals(1L, ids.get(0), "the first block is 1..50");
            assertEquals(51L, ids.get(50), "the second block starts where the first ended");
            assertEquals(51, ids.stream().distinct().count());

            CustomerId id = fresh.inTransaction(em -> {
                JpaCustomerRepository customers = new JpaCustomerRepository(em);
                Customer customer = Customer.register(customers.nextId(), "KEEP-1", "Keeps its id", null, USD);
                customers.add(customer);
                return customer.id();
            });
            assertEquals(52L, id.value());
            assertTrue(fresh.inTransaction(em -> new JpaCustomerRepository(em).find(id)).isPresent(),
                    "EclipseLink must not draw another id for an entity that already has one");
            long rows = fresh.inTransaction(em -> em.createQuery("SELECT COUNT(c) FROM CustomerEntity c", Long.class)
                    .getSingleResult());
            assertEquals(1L, rows);
        }
    }

    @Test
    void creditChangesAreWrittenAndMoveTheVersion() {
        Customer stored = aCustomer(db, "CR-1");

        db.run(em -> {
            JpaCustomerRepository customers = new JpaCustomerRepository(em);
            Customer customer = customers.lock(stored.id()).orElseThrow();
            customer.addCredit(usd(12_550));
            customers.update(customer);
        });

        Customer read = db.inTransaction(em -> new JpaCustomerRepository(em).find(stored.id())).orElseThrow();
        assertEquals(usd(12_550), read.creditBalance());
        assertEquals(2, read.version());
    }

    @Test
    void anUpdateComputedFromAStaleReadIsRefusedAsAConcurrentUpdate() {
        Customer stored = aCustomer(db, "ST-1");
        Customer first = db.inTransaction(em -> new JpaCustomerRepository(em).find(stored.id())).orElseThrow();
        Customer second = db.inTransaction(em -> new JpaCustomerRepository(em).find(stored.id())).orElseThrow();
        second.addCredit(usd(100));
        db.run(em -> new JpaCustomerRepository(em).update(second));

        first.addCredit(usd(999));
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> db.run(em -> new JpaCustomerRepository(em).update(first)));

        assertEquals("concurrent_update", conflict.code());
        assertEquals(null, conflict.field());
        Customer read = db.inTransaction(em -> new JpaCustomerRepository(em).find(stored.id())).orElseThrow();
        assertEquals(usd(100), read.creditBalance(), "the stale write changed nothing");
    }

    @Test
    void aRowChangedBetweenOurReadAndOurWriteIsReportedAsAConcurrentUpdate() {
        Customer stored = aCustomer(db, "RACE-1");

        ConflictException conflict = assertThrows(ConflictException.class, () -> db.run(em -> {
            JpaCustomerRepository customers = new JpaCustomerRepository(em);
            Customer customer = customers.find(stored.id()).orElseThrow();
            // Someone else commits in between, without any lock being held here.
            db.run(other -> {
                JpaCustomerRepository theirs = new JpaCustomerRepository(other);
                Customer concurrent = theirs.find(stored.id()).orElseThrow();
                concurrent.addCredit(usd(1));
                theirs.update(concurrent);
            });
            customer.addCredit(usd(500));
            customers.update(customer); // versions match in memory; the UPDATE ... WHERE version = 1 finds no row
        }));

        assertEquals("concurrent_update", conflict.code());
        assertEquals(usd(1), db.inTransaction(em -> new JpaCustomerRepository(em).find(stored.id()))
                .orElseThrow().creditBalance());
    }

    @Test
    void aLockedCustomerCannotBeLockedByAnotherTransactionUntilTheFirstEnds() {
        Customer stored = aCustomer(db, "LOCK-1");
        EntityManager holder = db.factory().createEntityManager();
        try {
            holder.getTransaction().begin();
            assertTrue(new JpaCustomerRepository(holder).lock(stored.id()).isPresent());

            assertThrows(PersistenceException.class,
                    () -> db.run(em -> new JpaCustomerRepository(em).lock(stored.id())),
                    "SELECT ... FOR UPDATE must wait for the holder (and time out here)");

            holder.getTransaction().commit();
        } finally {
            holder.close();
        }
        assertTrue(db.inTransaction(em -> new JpaCustomerRepository(em).lock(stored.id())).isPresent(),
                "after the holder's commit the lock is free");
    }

    @Test
    void lockReadsTheCommittedStateAndAnUnknownCustomerIsAbsent() {
        Customer stored = aCustomer(db, "LOCK-2");
        db.run(em -> {
            JpaCustomerRepository customers = new JpaCustomerRepository(em);
            Customer customer = customers.find(stored.id()).orElseThrow();
            customer.addCredit(usd(42));
            customers.update(customer);
        });

        assertEquals(usd(42), db.inTransaction(em -> new JpaCustomerRepository(em).lock(stored.id()))
                .orElseThrow().creditBalance());
        assertFalse(db.inTransaction(em -> new JpaCustomerRepository(em).lock(new CustomerId(999_999))).isPresent());
    }

    @Test
    void numberTakenKnowsRegisteredNumbersOnly() {
        aCustomer(db, "TAKEN-1");

        boolean taken = db.inTransaction(em -> new JpaCustomerRepository(em).numberTaken("TAKEN-1"));
        boolean free = !db.inTransaction(em -> new JpaCustomerRepository(em).numberTaken("TAKEN-2"));

        assertTrue(taken);
        assertTrue(free);
    }

    @Test
    void searchMatchesNumberOrNameIgnoringCaseAndPagesWithATotal() {
        aCustomer(db, "ZEBRA-3");
        aCustomer(db, "ZEBRA-1");
        aCustomer(db, "ZEBRA-2");
        aCustomer(db, "OTHER-9");

        Page<Customer> first = db.inTransaction(em -> new JpaCustomerRepository(em).search("zebra",
                new PageRequest(0, 2)));
        Page<Customer> second = db.inTransaction(em -> new JpaCustomerRepository(em).search("ZEBRA",
                new PageRequest(1, 2)));

        assertEquals(3, first.total());
        assertEquals(List.of("ZEBRA-1", "ZEBRA-2"), first.items().stream().map(Customer::number).toList());
        assertEquals(List.of("ZEBRA-3"), second.items().stream().map(Customer::number).toList());
        assertEquals(1, db.inTransaction(em -> new JpaCustomerRepository(em).search("customer other",
                new PageRequest(0, 10))).total(), "matches the name too");
    }

    @Test
    void searchTreatsWildcardCharactersLiterally() {
        aCustomer(db, "WILD_1");
        aCustomer(db, "WILDX1");

        Page<Customer> found = db.inTransaction(em -> new JpaCustomerRepository(em).search("wild_",
                new PageRequest(0, 10)));
        Page<Customer> percent = db.inTransaction(em -> new JpaCustomerRepository(em).search("%",
                new PageRequest(0, 10)));

        assertEquals(List.of("WILD_1"), found.items().stream().map(Customer::number).toList());
        assertEquals(0, percent.total());
        assertNotEquals(0, db.inTransaction(em -> new JpaCustomerRepository(em).search("  ",
                new PageRequest(0, 10))).total(), "blank text lists everyone");
    }
}
