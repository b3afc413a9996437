package org.paydesk.adapters.persistence.cart;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.paydesk.domain.cart.CartStatus;

/**
 * A row of {@code cart}, the root of the cart aggregate: its version guards the lines too (the repository moves it on
 * every update, also when only a line changed). After the cart is opened its lines, status, order and update time
 * change.
 */
@Entity
@Table(name = "cart")
class CartEntity {

    @Id
    @SequenceGenerator(name = "cart_seq", sequenceName = "cart_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cart_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private CartStatus status;

    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    // Always needed to rebuild the cart. A line taken off the list is deleted with the next flush.
    @OneToMany(mappedBy = "cart", cascade = CascadeType.PERSIST, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("lineNo ASC")
    private List<CartLineEntity> lines = new ArrayList<>();

    protected CartEntity() {
    }

    CartEntity(long id, long customerId, String currency, Instant createdAt) {
        this.id = id;
        this.customerId = customerId;
        this.currency = currency;
        this.createdAt = createdAt;
    }

    /**
     * Makes the line at this position (0-based) hold these values: rewritten in place when there is one, added at the
     * end otherwise.
     */
    void putLine(int index, String sku, String description, int quantity, String lineCurrency, long unitPriceMinor) {
        if (index < lines.size()) {
            CartLineEntity line = lines.get(index);
            if (!line.holds(sku, description, quantity, lineCurrency, unitPriceMinor)) {
                line.rewrite(sku, description, quantity, lineCurrency, unitPriceMinor);
            }
        } else if (index == lines.size()) {
            lines.add(new CartLineEntity(this, index + 1, sku, description, quantity, lineCurrency, unitPriceMinor));
        } else {
            throw new IllegalArgumentException("line " + (index + 1) + " after " + lines.size() + " lines");
        }
    }

    /** Deletes the lines from this position (0-based) on. */
    void cutLinesFrom(int index) {
        while (lines.size() > index) {
            lines.remove(lines.size() - 1);
        }
    }

    /** Everything about the cart itself that may change. */
    void changeState(CartStatus status, Long orderId, Instant updatedAt) {
        this.status = status;
        this.orderId = orderId;
        this.updatedAt = updatedAt;
    }

    long id() {
        return id;
    }

    long customerId() {
        return customerId;
    }

    String currency() {
        return currency;
    }

    CartStatus status() {
        return status;
    }

    Long orderId() {
        return orderId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }

    List<CartLineEntity> lines() {
        return lines;
    }
}
