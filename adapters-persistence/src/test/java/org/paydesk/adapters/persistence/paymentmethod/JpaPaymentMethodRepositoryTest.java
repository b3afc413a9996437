package org.paydesk.adapters.persistence.paymentmethod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.T0;
import static org.paydesk.adapters.persistence.testing.Fixtures.aCustomer;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.paymentmethod.DisplayFacts;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;

class JpaPaymentMethodRepositoryTest {

    private static final DisplayFacts VISA = DisplayFacts.card("visa", "4242", 12, 2034);
    private static final DisplayFacts BANK = DisplayFacts.bankAccount("STRIPE TEST BANK", "6789");

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
    void aSavedCardComesBackWithItsTokenDisplayFactsAndAVersion() {
        CustomerId customer = aCustomer(db, "PM-RT").id();
        PaymentMethodToken stored = save(customer, "pm_card_visa_rt", PaymentMethodType.CARD, VISA, T0, true);

        PaymentMethodToken read = find(stored.id());

        assertEquals(customer, read.customerId());
        assertEquals(new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa_rt"), read.method());
        assertEquals(VISA, read.facts());
        assertTrue(read.isDefault());
        assertEquals(T0, read.createdAt(), "to the nanosecond, in UTC");
        assertEquals(1, read.version());
    }

    @Test
    void aSavedBankAccountComesBackWithItsBankNameAndNoCardFacts() {
        CustomerId customer = aCustomer(db, "PM-ACH").id();
        PaymentMethodToken stored = save(customer, "pm_usBankAccount_rt", PaymentMethodType.ACH, BANK, T0, false);

        PaymentMethodToken read = find(stored.id());

        assertEquals(PaymentMethodType.ACH, read.type());
        assertEquals(BANK, read.facts());
        assertNull(read.facts().brand());
        assertNull(read.facts().expMonth());
        assertFalse(read.isDefault());
    }

    @Test
    void aCustomersMethodsComeDefaultFirstThenNewestFirst() {
        CustomerId customer = aCustomer(db, "PM-ORDER").id();
        CustomerId someoneElse = aCustomer(db, "PM-ORDER-OTHER").id();
        PaymentMethodToken oldest = save(customer, "pm_order_1", PaymentMethodType.CARD, VISA, T0, false);
        PaymentMethodToken theDefault = save(customer, "pm_order_2", PaymentMethodType.CARD, VISA,
                T0.plusSeconds(10), true);
        PaymentMethodToken newest = save(customer, "pm_order_3", PaymentMethodType.ACH, BANK, T0.plusSeconds(20),
                false);
        PaymentMethodToken sameInstant = save(customer, "pm_order_4", PaymentMethodType.CARD, VISA,
                T0.plusSeconds(20), false);
        save(someoneElse, "pm_order_5", PaymentMethodType.CARD, VISA, T0.plusSeconds(30), true);

        List<PaymentMethodTokenId> order = db.inTransaction(em -> new JpaPaymentMethodRepository(em)
                .findAll(customer)).stream().map(PaymentMethodToken::id).toList();

        assertEquals(List.of(theDefault.id(), sameInstant.id(), newest.id(), oldest.id()), order,
                "default first, then newest first; the later id first within one instant");
    }

    @Test
    void aCustomerWithoutMethodsHasAnEmptyList() {
        CustomerId customer = aCustomer(db, "PM-NONE").id();

        assertEquals(List.of(), db.inTransaction(em -> new JpaPaymentMethodRepository(em).findAll(customer)));
    }

    @Test
    void findByTokenFindsTheTokenOnlyAmongThatCustomersMethods() {
        CustomerId customer = aCustomer(db, "PM-TOKEN").id();
        CustomerId someoneElse = aCustomer(db, "PM-TOKEN-OTHER").id();
        PaymentMethodToken stored = save(customer, "pm_by_token", PaymentMethodType.CARD, VISA, T0, true);

        assertEquals(stored.id(), db.inTransaction(em -> new JpaPaymentMethodRepository(em)
                .findByToken(customer, "pm_by_token")).orElseThrow().id());
        assertTrue(db.inTransaction(em -> new JpaPaymentMethodRepository(em)
                .findByToken(someoneElse, "pm_by_token")).isEmpty(), "another customer's token is not theirs");
        assertTrue(db.inTransaction(em -> new JpaPaymentMethodRepository(em)
                .findByToken(customer, "pm_unknown")).isEmpty());
    }

    @Test
    void theSameTokenIsSavedOncePerCustomerButMayBeSavedForAnother() {
        CustomerId customer = aCustomer(db, "PM-TWICE").id();
        CustomerId another = aCustomer(db, "PM-TWICE-OTHER").id();
        save(customer, "pm_card_shared", PaymentMethodType.CARD, VISA, T0, true);

        assertThrows(PersistenceException.class,
                () -> save(customer, "pm_card_shared", PaymentMethodType.CARD, VISA, T0.plusSeconds(1), false));
        save(another, "pm_card_shared", PaymentMethodType.CARD, VISA, T0, true);
    }

    @Test
    void aChangedDefaultIsWrittenAndMovesTheVersion() {
        CustomerId customer = aCustomer(db, "PM-DEF").id();
        PaymentMethodToken stored = save(customer, "pm_default", PaymentMethodType.CARD, VISA, T0, false);

        db.run(em -> {
            JpaPaymentMethodRepository methods = new JpaPaymentMethodRepository(em);
            PaymentMethodToken method = methods.find(stored.id()).orElseThrow();
            method.makeDefault();
            methods.update(method);
        });

        PaymentMethodToken read = find(stored.id());
        assertTrue(read.isDefault());
        assertEquals(2, read.version());
    }

    @Test
    void aDefaultChangedFromAStaleReadIsRefusedAsAConcurrentUpdate() {
        CustomerId customer = aCustomer(db, "PM-STALE").id();
        PaymentMethodToken stored = save(customer, "pm_stale", PaymentMethodType.CARD, VISA, T0, true);
        PaymentMethodToken first = find(stored.id());
        PaymentMethodToken second = find(stored.id());
        second.clearDefault();
        db.run(em -> new JpaPaymentMethodRepository(em).update(second));

        first.clearDefault();
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> db.run(em -> new JpaPaymentMethodRepository(em).update(first)));

        assertEquals("concurrent_update", conflict.code());
        assertEquals(2, find(stored.id()).version(), "the stale write changed nothing");
    }

    @Test
    void aDeletedMethodIsGoneAtOnceAndDeletingItAgainChangesNothing() {
        CustomerId customer = aCustomer(db, "PM-DEL").id();
        PaymentMethodToken kept = save(customer, "pm_kept", PaymentMethodType.CARD, VISA, T0, false);
        PaymentMethodToken removed = save(customer, "pm_removed", PaymentMethodType.CARD, VISA, T0.plusSeconds(1),
                true);

        List<PaymentMethodToken> left = db.inTransaction(em -> {
            JpaPaymentMethodRepository methods = new JpaPaymentMethodRepository(em);
            methods.delete(removed.id());
            return methods.findAll(customer); // as the service does to choose the next default
        });

        assertEquals(List.of(kept.id()), left.stream().map(PaymentMethodToken::id).toList());
        assertTrue(db.inTransaction(em -> new JpaPaymentMethodRepository(em).find(removed.id())).isEmpty());
        db.run(em -> new JpaPaymentMethodRepository(em).delete(removed.id()));
        assertTrue(db.inTransaction(em -> new JpaPaymentMethodRepository(em).find(kept.id())).isPresent());
    }

    @Test
    void aVeryLongBrandOrBankNameIsShortenedRatherThanFailingTheSave() {
        CustomerId customer = aCustomer(db, "PM-LONG").id();
        String bankName = "B".repeat(300);
        PaymentMethodToken stored = save(customer, "pm_long_names", PaymentMethodType.ACH,
                DisplayFacts.bankAccount(bankName, "0001"), T0, false);

        assertEquals(bankName.substring(0, PaymentMethodEntityMapper.BANK_NAME_WIDTH),
                find(stored.id()).facts().bankName());
    }

    private static PaymentMethodToken save(CustomerId customer, String token, PaymentMethodType type,
            DisplayFacts facts, Instant at, boolean isDefault) {
        return db.inTransaction(em -> {
            JpaPaymentMethodRepository methods = new JpaPaymentMethodRepository(em);
            PaymentMethodToken method = PaymentMethodToken.save(methods.nextId(), customer,
                    new PaymentMethod(type, token), facts, at, isDefault);
            methods.add(method);
            return method;
        });
    }

    private static PaymentMethodToken find(PaymentMethodTokenId id) {
        return db.inTransaction(em -> new JpaPaymentMethodRepository(em).find(id)).orElseThrow();
    }
}
