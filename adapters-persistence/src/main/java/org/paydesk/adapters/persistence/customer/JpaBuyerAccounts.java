package org.paydesk.adapters.persistence.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Locale;
import java.util.Optional;
import org.paydesk.application.customer.port.out.BuyerAccounts;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.domain.customer.CustomerId;

/**
 * E-commerce buyers' logins in table {@code buyer_account}.
 *
 * <p>Guarantees: a login acts for one customer only (constraint {@code uq_buyer_account_login}); linking it to
 * another customer is {@code buyer_login_taken}, also when two links of one login race (the loser's insert fails on
 * the constraint and is reported as the same conflict); linking it again to the same customer changes nothing.
 * Logins match exactly, as the identity store spells them. Joins the caller's transaction.
 */
@ApplicationScoped
public class JpaBuyerAccounts implements BuyerAccounts {

    static final String LOGIN_TAKEN = "buyer_login_taken";
    private static final String UNIQUE_LOGIN = "uq_buyer_account_login";

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaBuyerAccounts() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaBuyerAccounts(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<CustomerId> customerOf(String login) {
        return account(login).map(account -> new CustomerId(account.customerId()));
    }

    @Override
    public void link(String login, CustomerId customer) {
        Optional<BuyerAccountEntity> existing = account(login);
        if (existing.isPresent()) {
            if (existing.get().customerId() == customer.value()) {
                return;
            }
            throw taken(login);
        }
        em.persist(new BuyerAccountEntity(login, customer.value()));
        try {
            em.flush(); // a concurrent link of the same login fails here, on uq_buyer_account_login
        } catch (PersistenceException failed) {
            if (!violates(failed, UNIQUE_LOGIN)) {
                throw failed;
            }
            ConflictException conflict = taken(login);
            conflict.initCause(failed);
            throw conflict;
        }
    }

    private Optional<BuyerAccountEntity> account(String login) {
        if (login == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT b FROM BuyerAccountEntity b WHERE b.login = :login", BuyerAccountEntity.class)
                .setParameter("login", login)
                .getResultList()
                .stream()
                .findFirst();
    }

    private static ConflictException taken(String login) {
        return new ConflictException(LOGIN_TAKEN, "login",
                "the buyer login " + login + " already acts for another customer");
    }

    /** Whether the failure is the database refusing a row because of this constraint (H2 and Oracle name it). */
    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException violation && violation.getMessage() != null
                    && violation.getMessage().toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
