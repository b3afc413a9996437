package org.paydesk.adapters.persistence.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A row of {@code buyer_account}: an e-commerce buyer's login and the customer it acts for. Written once and never
 * changed (no money, no version); the unique login decides between racing links.
 */
@Entity
@Table(name = "buyer_account")
class BuyerAccountEntity {

    @Id
    @SequenceGenerator(name = "buyer_account_seq", sequenceName = "buyer_account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "buyer_account_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "login", nullable = false, updatable = false, length = 254)
    private String login;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    protected BuyerAccountEntity() {
    }

    BuyerAccountEntity(String login, long customerId) {
        this.login = login;
        this.customerId = customerId;
    }

    String login() {
        return login;
    }

    long customerId() {
        return customerId;
    }
}
