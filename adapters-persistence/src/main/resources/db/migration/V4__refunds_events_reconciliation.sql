-- Paydesk schema, version 4: what refunds gave back of a payment, refunds with the balances each took back, the
-- processor's events already applied, and the reconciliation queue of payments and refunds awaiting the processor.
--
-- The rules of V1 hold (see there): runs unchanged on H2 2.2 and Oracle 19+; NUMERIC(19), VARCHAR (character
-- lengths: the Paydesk schema uses NLS_LENGTH_SEMANTICS=CHAR, ADR 0004), TIMESTAMP(9) holding UTC; no IDENTITY, no
-- BOOLEAN; no reserved word as a column name (hence event_type, opened_at); identifiers within 30 characters; every
-- sequence START WITH 50 INCREMENT BY 50 to match EclipseLink's allocationSize. Money is <what>_minor next to a
-- currency column.

CREATE SEQUENCE refund_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE refund_allocation_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE reconciliation_follow_up_seq START WITH 50 INCREMENT BY 50;

-- What refunds not refused by the processor gave back of a payment (Payment.refunded). The payments already there
-- were never refunded: 0. One column per ALTER: the one form that H2 and Oracle both accept.
ALTER TABLE payment ADD refunded_minor NUMERIC(19) DEFAULT 0 NOT NULL;
ALTER TABLE payment ADD CONSTRAINT ck_payment_refunded CHECK (refunded_minor >= 0
    AND refunded_minor <= amount_minor);

-- A refund of one payment. credit_taken_minor and the refund_allocation rows are where its money was taken from
-- (the Unwinding): they are written with the refund and never change, so a refund the processor refuses puts back
-- exactly what it took. request_key is the caller's scoped idempotency key, as on payment.
CREATE TABLE refund (
    id                  NUMERIC(19)    NOT NULL,
    payment_id          NUMERIC(19)    NOT NULL,
    customer_id         NUMERIC(19)    NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    amount_minor        NUMERIC(19)    NOT NULL,
    credit_taken_minor  NUMERIC(19)    NOT NULL,
    request_key         VARCHAR(255),
    status              VARCHAR(20)    NOT NULL,
    processor_refund_id VARCHAR(255),
    failure_code        VARCHAR(100),
    failure_message     VARCHAR(1000),
    created_at          TIMESTAMP(9)   NOT NULL,
    updated_at          TIMESTAMP(9)   NOT NULL,
    version             NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_refund PRIMARY KEY (id),
    CONSTRAINT fk_refund_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT fk_refund_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT uq_refund_request_key UNIQUE (request_key),
    CONSTRAINT ck_refund_amount CHECK (amount_minor > 0),
    CONSTRAINT ck_refund_credit_taken CHECK (credit_taken_minor >= 0 AND credit_taken_minor <= amount_minor)
);
-- A payment's refunds (every refund, webhook and reconciliation reads them); indexed foreign keys also spare Oracle
-- a table lock when payments and customers change.
CREATE INDEX ix_refund_payment ON refund (payment_id, created_at);
CREATE INDEX ix_refund_customer ON refund (customer_id);

-- An invoice balance a refund reopened. Written once with the refund and never changed: the refund row's version
-- guards the aggregate.
CREATE TABLE refund_allocation (
    id                  NUMERIC(19)    NOT NULL,
    refund_id           NUMERIC(19)    NOT NULL,
    line_no             NUMERIC(5)     NOT NULL,
    receivable_id       NUMERIC(19)    NOT NULL,
    receivable_number   VARCHAR(40)    NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    amount_minor        NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_refund_allocation PRIMARY KEY (id),
    CONSTRAINT fk_refund_alloc_refund FOREIGN KEY (refund_id) REFERENCES refund (id),
    CONSTRAINT fk_refund_alloc_receivable FOREIGN KEY (receivable_id) REFERENCES receivable (id),
    CONSTRAINT uq_refund_alloc_receivable UNIQUE (refund_id, receivable_id),
    CONSTRAINT uq_refund_alloc_line UNIQUE (refund_id, line_no),
    CONSTRAINT ck_refund_alloc_amount CHECK (amount_minor > 0)
);
-- Indexed foreign key: "which refunds reopened this invoice", and no table lock on Oracle when invoices change.
CREATE INDEX ix_refund_alloc_receivable ON refund_allocation (receivable_id);

-- The processor's events already applied, by the processor's own event id: the primary key is what makes a second
-- delivery of the same event (also on another node at the same moment) fail instead of being applied twice. Only
-- a primary key and NOT NULLs, deliberately: a constraint violation on insert can then only mean "already there".
CREATE TABLE processor_event (
    event_id            VARCHAR(255)   NOT NULL,
    event_type          VARCHAR(100)   NOT NULL,
    event_kind          VARCHAR(30)    NOT NULL,
    payment_reference   VARCHAR(255),
    outcome             VARCHAR(500)   NOT NULL,
    received_at         TIMESTAMP(9)   NOT NULL,
    CONSTRAINT pk_processor_event PRIMARY KEY (event_id)
);
-- An operator's question "what did the processor tell us about this charge".
CREATE INDEX ix_processor_event_payment ON processor_event (payment_reference);

-- Payments and refunds to ask the processor about again. At most one row per subject; the row is deleted when the
-- subject is settled. A node takes a due row by moving due_at to the end of its lease in one conditional UPDATE
-- (on version), so two nodes never check the same subject at once, and a node that died leaves it due again when
-- its lease ends. No foreign key: the subject is a payment or a refund by id.
CREATE TABLE reconciliation_follow_up (
    id                  NUMERIC(19)    NOT NULL,
    subject             VARCHAR(10)    NOT NULL,
    subject_id          NUMERIC(19)    NOT NULL,
    attempts            NUMERIC(9)     NOT NULL,
    opened_at           TIMESTAMP(9)   NOT NULL,
    due_at              TIMESTAMP(9)   NOT NULL,
    last_result         VARCHAR(500),
    version             NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_reconciliation_follow_up PRIMARY KEY (id),
    CONSTRAINT uq_follow_up_subject UNIQUE (subject, subject_id),
    CONSTRAINT ck_follow_up_subject CHECK (subject IN ('PAYMENT', 'REFUND')),
    CONSTRAINT ck_follow_up_attempts CHECK (attempts >= 0)
);
-- "Due now, oldest due first" is one range scan; staff's list of the unresolved reads by age.
CREATE INDEX ix_follow_up_due ON reconciliation_follow_up (due_at);
CREATE INDEX ix_follow_up_opened ON reconciliation_follow_up (opened_at);
