package org.paydesk.adapters.persistence.idempotency;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code idempotency_record}: a claimed key, and the first response once the request finished. Holds no
 * money (the payment carries the key as well), so it has no version; claims race on the unique (scope, key).
 */
@Entity
@Table(name = "idempotency_record")
class IdempotencyRecordEntity {

    @Id
    @SequenceGenerator(name = "idempotency_record_seq", sequenceName = "idempotency_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "idempotency_record_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "scope", nullable = false, updatable = false, length = 300)
    private String scope;

    @Column(name = "idem_key", nullable = false, updatable = false, length = 255)
    private String idemKey;

    @Column(name = "fingerprint", nullable = false, updatable = false, length = 128)
    private String fingerprint;

    @Column(name = "locked_at", nullable = false)
    private Instant lockedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_type", length = 255)
    private String responseType;

    @Column(name = "response_location", length = 2000)
    private String responseLocation;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "response_body")
    private String responseBody;

    protected IdempotencyRecordEntity() {
    }

    IdempotencyRecordEntity(String scope, String idemKey, String fingerprint, Instant lockedAt) {
        this.scope = scope;
        this.idemKey = idemKey;
        this.fingerprint = fingerprint;
        this.lockedAt = lockedAt;
    }

    void complete(int status, String type, String location, String body, Instant at) {
        this.responseStatus = status;
        this.responseType = type;
        this.responseLocation = location;
        this.responseBody = body;
        this.completedAt = at;
    }

    String scope() {
        return scope;
    }

    String idemKey() {
        return idemKey;
    }

    String fingerprint() {
        return fingerprint;
    }

    Instant lockedAt() {
        return lockedAt;
    }

    Instant completedAt() {
        return completedAt;
    }

    Integer responseStatus() {
        return responseStatus;
    }

    String responseType() {
        return responseType;
    }

    String responseLocation() {
        return responseLocation;
    }

    String responseBody() {
        return responseBody;
    }
}
