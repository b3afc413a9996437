package org.paydesk.adapters.persistence.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.paydesk.application.payment.port.out.ProcessorEvent;

/**
 * A row of {@code processor_event}: one event of the processor, applied once. Keyed by the processor's own event id,
 * written once and never changed, so it needs no version: a second insert of the same id fails on the primary key.
 */
@Entity
@Table(name = "processor_event")
class ProcessorEventEntity {

    @Id
    @Column(name = "event_id", nullable = false, updatable = false, length = 255)
    private String eventId;

    @Column(name = "event_type", nullable = false, updatable = false, length = 100)
    private String eventType;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_kind", nullable = false, updatable = false, length = 30)
    private ProcessorEvent.Kind eventKind;

    @Column(name = "payment_reference", updatable = false, length = 255)
    private String paymentReference;

    @Column(name = "outcome", nullable = false, updatable = false, length = 500)
    private String outcome;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected ProcessorEventEntity() {
    }

    ProcessorEventEntity(String eventId, String eventType, ProcessorEvent.Kind eventKind, String paymentReference,
            String outcome, Instant receivedAt) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.eventKind = eventKind;
        this.paymentReference = paymentReference;
        this.outcome = outcome;
        this.receivedAt = receivedAt;
    }

    String eventId() {
        return eventId;
    }

    String eventType() {
        return eventType;
    }

    ProcessorEvent.Kind eventKind() {
        return eventKind;
    }

    String paymentReference() {
        return paymentReference;
    }

    String outcome() {
        return outcome;
    }

    Instant receivedAt() {
        return receivedAt;
    }
}
