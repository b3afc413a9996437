package org.paydesk.domain.paymentmethod;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Text;

/**
 * A link emailed to a customer to add a payment method themselves.
 *
 * <p>Invariants: only a hash of the link's secret is kept; the link expires {@link #LIFETIME} after it is sent;
 * it works once (completed), and staff can revoke it while it is unused. Once completed, revoked or expired it
 * never becomes usable again.
 */
public final class PaymentMethodRequest {

    /** How long a link works after it is sent. */
    public static final Duration LIFETIME = Duration.ofHours(4);

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private final PaymentMethodRequestId id;
    private final CustomerId customerId;
    private final String recipientEmail;
    private final String secretHash;
    private final String sentBy;
    private final Instant sentAt;
    private final Instant expiresAt;
    private Instant openedAt;
    private Instant completedAt;
    private PaymentMethodTokenId completedWith;
    private Instant revokedAt;
    private String revokedBy;
    private final long version;

    private PaymentMethodRequest(PaymentMethodRequestId id, CustomerId customerId, String recipientEmail,
            String secretHash, String sentBy, Instant sentAt, Instant expiresAt, Instant openedAt,
            Instant completedAt, PaymentMethodTokenId completedWith, Instant revokedAt, String revokedBy,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.recipientEmail = recipientEmail;
        if (secretHash == null || !HASH.matcher(secretHash).matches()) {
            throw new IllegalArgumentException("secretHash must be a hex SHA-256");
        }
        this.secretHash = secretHash;
        this.sentBy = Objects.requireNonNull(sentBy, "sentBy");
        this.sentAt = Objects.requireNonNull(sentAt, "sentAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.openedAt = openedAt;
        this.completedAt = completedAt;
        this.completedWith = completedWith;
        this.revokedAt = revokedAt;
        this.revokedBy = revokedBy;
        this.version = version;
    }

    /**
     * A request sent now to {@code recipientEmail}.
     *
     * @throws DomainException {@code invalid_email} (field {@code email})
     */
    public static PaymentMethodRequest send(PaymentMethodRequestId id, CustomerId customerId, String recipientEmail,
            String secretHash, String sentBy, Instant now) {
        String email = Text.email(recipientEmail, "email");
        return new PaymentMethodRequest(id, customerId, email, secretHash, sentBy, now, now.plus(LIFETIME), null,
                null, null, null, null, 0);
    }

    public static PaymentMethodRequest restore(PaymentMethodRequestId id, CustomerId customerId,
            String recipientEmail, String secretHash, String sentBy, Instant sentAt, Instant expiresAt,
            Instant openedAt, Instant completedAt, PaymentMethodTokenId completedWith, Instant revokedAt,
            String revokedBy, long version) {
        return new PaymentMethodRequest(id, customerId, recipientEmail, secretHash, sentBy, sentAt, expiresAt,
                openedAt, completedAt, completedWith, revokedAt, revokedBy, version);
    }

    public PaymentMethodRequestStatus status(Instant now) {
        if (revokedAt != null) {
            return PaymentMethodRequestStatus.REVOKED;
        }
        if (completedAt != null) {
            return PaymentMethodRequestStatus.COMPLETED;
        }
        if (!now.isBefore(expiresAt)) {
            return PaymentMethodRequestStatus.EXPIRED;
        }
        return openedAt != null ? PaymentMethodRequestStatus.OPENED : PaymentMethodRequestStatus.SENT;
    }

    /** The customer opened the form (first time only). */
    public void markOpened(Instant now) {
        requireUsable(now);
        if (openedAt == null) {
            openedAt = now;
        }
    }

    /** The customer added a method through the link; the link is spent. */
    public void complete(PaymentMethodTokenId savedMethod, Instant now) {
        requireUsable(now);
        completedAt = now;
        completedWith = Objects.requireNonNull(savedMethod, "savedMethod");
    }

    /**
     * Staff withdraw the link.
     *
     * @throws DomainException {@code request_not_revocable} when it is already completed, revoked or expired
     */
    public void revoke(String by, Instant now) {
        if (!status(now).usable()) {
            throw new DomainException("request_not_revocable", null,
                    "the request is " + status(now).name().toLowerCase() + " and cannot be revoked");
        }
        revokedAt = now;
        revokedBy = Objects.requireNonNull(by, "by");
    }

    /** @throws DomainException {@code link_unavailable} when the link is spent, revoked or expired */
    public void requireUsable(Instant now) {
        if (!status(now).usable()) {
            throw new DomainException("link_unavailable", null, "this link can no longer be used");
        }
    }

    public PaymentMethodRequestId id() {
        return id;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public String recipientEmail() {
        return recipientEmail;
    }

    public String secretHash() {
        return secretHash;
    }

    public String sentBy() {
        return sentBy;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public PaymentMethodTokenId completedWith() {
        return completedWith;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }

    public long version() {
        return version;
    }
}
