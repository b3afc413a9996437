package org.paydesk.adapters.persistence.order;

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
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.paydesk.domain.order.OrderSource;
import org.paydesk.domain.order.OrderStatus;

/**
 * A row of {@code sales_order}, the root of the order aggregate: its version guards the lines too, which never
 * change. After the order is placed only its status, payment, invoice and update time change. The total is kept
 * next to the lines so lists can show it without them; reading checks that the two agree.
 */
@Entity
@Table(name = "sales_order")
class SalesOrderEntity {

    @Id
    @SequenceGenerator(name = "sales_order_seq", sequenceName = "sales_order_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_order_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "order_number", nullable = false, updatable = false, length = 40)
    private String orderNumber;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "order_source", nullable = false, updatable = false, length = 20)
    private OrderSource source;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private OrderStatus status;

    @Column(name = "payment_id")
    private Long paymentId;

    @Column(name = "receivable_id")
    private Long receivableId;

    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "total_minor", nullable = false, updatable = false)
    private long totalMinor;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    // Always needed to rebuild the order, and read when the mapper first touches them (inside the repository's
    // call): a page of orders reads the lines of all of them in one more query (IN), not one query per order. Lazy
    // so that the batch runs after every order of the page is built; read eagerly, it would run while the first is.
    @OneToMany(mappedBy = "salesOrder", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("lineNo ASC")
    @BatchFetch(BatchFetchType.IN)
    private List<SalesOrderLineEntity> lines = new ArrayList<>();

    protected SalesOrderEntity() {
    }

    SalesOrderEntity(long id, String orderNumber, long customerId, OrderSource source, String currency,
            long totalMinor, Instant createdAt) {
        this.id = id;
        this.orderNumber = orderNumber;
        this.customerId = customerId;
        this.source = source;
        this.currency = currency;
        this.totalMinor = totalMinor;
        this.createdAt = createdAt;
    }

    /** Lines are only added while the order is new. */
    void addLine(String sku, String description, int quantity, String lineCurrency, long unitPriceMinor) {
        lines.add(new SalesOrderLineEntity(this, lines.size() + 1, sku, description, quantity, lineCurrency,
                unitPriceMinor));
    }

    /** Everything about the order that may change after it was placed. */
    void changeState(OrderStatus status, Long paymentId, Long receivableId, Instant updatedAt) {
        this.status = status;
        this.paymentId = paymentId;
        this.receivableId = receivableId;
        this.updatedAt = updatedAt;
    }

    long id() {
        return id;
    }

    String orderNumber() {
        return orderNumber;
    }

    long customerId() {
        return customerId;
    }

    OrderSource source() {
        return source;
    }

    OrderStatus status() {
        return status;
    }

    Long paymentId() {
        return paymentId;
    }

    Long receivableId() {
        return receivableId;
    }

    String currency() {
        return currency;
    }

    long totalMinor() {
        return totalMinor;
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

    List<SalesOrderLineEntity> lines() {
        return lines;
    }
}
