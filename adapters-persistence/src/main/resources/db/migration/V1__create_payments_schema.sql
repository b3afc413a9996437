-- Paydesk schema, version 1: customers, invoices, payments (with allocations and processor attempts),
-- idempotency keys and the audit trail.
--
-- Written once for two databases: it must run unchanged on H2 2.2 (the embedded default) and on Oracle 19+.
-- Hence NUMERIC(19) instead of BIGINT, VARCHAR instead of VARCHAR2, TIMESTAMP(9) so an Instant keeps every
-- nanosecond on both, no IDENTITY, no BOOLEAN, and no reserved word as a column name (number, key, value,
-- date, level, comment, uid, user, size, mode, ...). Identifiers stay within 30 characters for older Oracle
-- tooling.
--
-- Money is always <what>_minor (the currency's minor units, an exact integer) next to a currency column:
-- never a floating-point type.
--
-- Sequences: EclipseLink preallocates 50 ids per round trip (allocationSize = 50 on every @SequenceGenerator)
-- and reads the value the sequence returns as the HIGHEST id of its block, i.e. NEXT VALUE = 50 hands out
-- ids 1..50, 100 hands out 51..100. So every sequence starts at 50 and steps by 50; a sequence starting at 1
-- would make EclipseLink refuse it ("sequence set up incorrectly", block -48..1). INCREMENT BY must equal the
-- allocationSize, or two nodes would hand out the same ids.

CREATE SEQUENCE customer_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE receivable_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE payment_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE payment_allocation_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE payment_attempt_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE idempotency_record_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_record_seq START WITH 50 INCREMENT BY 50;

-- A customer, and the credit that unapplied money becomes. The row is the lock every money movement of the
-- customer takes (SELECT ... FOR UPDATE), so its version also moves whenever the credit does.
CREATE TABLE customer (
    id                  NUMERIC(19)    NOT NULL,
    customer_number     VARCHAR(40)    NOT NULL,
    name                VARCHAR(200)   NOT NULL,
    email               VARCHAR(254),
    currency            VARCHAR(3)     NOT NULL,
    credit_minor        NUMERIC(19)    NOT NULL,
    version             NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_customer PRIMARY KEY (id),
    CONSTRAINT uq_customer_number UNIQUE (customer_number),
    CONSTRAINT ck_customer_credit CHECK (credit_minor >= 0)
);

-- An open invoice. The checks repeat the domain's invariant 0 <= open <= original as a last line of defence.
CREATE TABLE receivable (
    id                  NUMERIC(19)    NOT NULL,
    customer_id         NUMERIC(19)    NOT NULL,
    invoice_number      VARCHAR(40)    NOT NULL,
    issue_date          DATE           NOT NULL,
    due_date            DATE           NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    original_minor      NUMERIC(19)    NOT NULL,
    open_minor          NUMERIC(19)    NOT NULL,
    version             NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_receivable PRIMARY KEY (id),
    CONSTRAINT fk_receivable_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT uq_receivable_number UNIQUE (customer_id, invoice_number),
    CONSTRAINT ck_receivable_original CHECK (original_minor > 0),
    CONSTRAINT ck_receivable_open CHECK (open_minor >= 0 AND open_minor <= original_minor)
);
-- Oldest-due-first allocation reads one customer's invoices in due-date order: this keeps it one range scan.
CREATE INDEX ix_receivable_customer_due ON receivable (customer_id, due_date);

-- A payment. request_key is the caller's scoped idempotency key (nullable; both databases allow many NULLs
-- under a unique constraint); processor_reference is how asynchronous processor events find the payment.
CREATE TABLE payment (
    id                  NUMERIC(19)    NOT NULL,
    customer_id         NUMERIC(19)    NOT NULL,
    method_type         VARCHAR(20)    NOT NULL,
    method_token        VARCHAR(255)   NOT NULL,
    channel             VARCHAR(30)    NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    amount_minor        NUMERIC(19)    NOT NULL,
    unapplied_minor     NUMERIC(19)    NOT NULL,
    request_key         VARCHAR(255),
    status              VARCHAR(30)    NOT NULL,
    processor_reference VARCHAR(255),
    failure_code        VARCHAR(100),
    failure_decline     VARCHAR(100),
    failure_message     VARCHAR(1000),
    created_at          TIMESTAMP(9)   NOT NULL,
    updated_at          TIMESTAMP(9)   NOT NULL,
    version             NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_payment PRIMARY KEY (id),
    CONSTRAINT fk_payment_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT uq_payment_request_key UNIQUE (request_key),
    CONSTRAINT ck_payment_amount CHECK (amount_minor > 0),
    CONSTRAINT ck_payment_unapplied CHECK (unapplied_minor >= 0 AND unapplied_minor <= amount_minor)
);
CREATE INDEX ix_payment_processor_ref ON payment (processor_reference);
CREATE INDEX ix_payment_customer ON payment (customer_id);

-- Where a payment's money went. Written once with the payment and never changed: the payment row's version
-- guards the aggregate.
CREATE TABLE payment_allocation (
    id                  NUMERIC(19)    NOT NULL,
    payment_id          NUMERIC(19)    NOT NULL,
    line_no             NUMERIC(5)     NOT NULL,
    receivable_id       NUMERIC(19)    NOT NULL,
    receivable_number   VARCHAR(40)    NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    amount_minor        NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_payment_allocation PRIMARY KEY (id),
    CONSTRAINT fk_allocation_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT fk_allocation_receivable FOREIGN KEY (receivable_id) REFERENCES receivable (id),
    CONSTRAINT uq_allocation_receivable UNIQUE (payment_id, receivable_id),
    CONSTRAINT uq_allocation_line UNIQUE (payment_id, line_no),
    CONSTRAINT ck_allocation_amount CHECK (amount_minor > 0)
);
-- Indexed foreign key: "which payments touched this invoice", and no table lock on Oracle when invoices change.
CREATE INDEX ix_allocation_receivable ON payment_allocation (receivable_id);

-- One call of the processor. Stored before the call; its id is the processor's idempotency key, so a retry
-- after a crash can never charge twice. The outcome columns stay empty until the call answers.
CREATE TABLE payment_attempt (
    id                  NUMERIC(19)    NOT NULL,
    payment_id          NUMERIC(19)    NOT NULL,
    started_at          TIMESTAMP(9)   NOT NULL,
    finished_at         TIMESTAMP(9),
    outcome_kind        VARCHAR(20),
    processor_reference VARCHAR(255),
    outcome_detail      VARCHAR(500),
    CONSTRAINT pk_payment_attempt PRIMARY KEY (id),
    CONSTRAINT fk_attempt_payment FOREIGN KEY (payment_id) REFERENCES payment (id)
);
CREATE INDEX ix_attempt_payment ON payment_attempt (payment_id);

-- Idempotency-Key records. The unique (scope, idem_key) is what makes a concurrent second claim fail.
CREATE TABLE idempotency_record (
    id                  NUMERIC(19)    NOT NULL,
    scope               VARCHAR(300)   NOT NULL,
    idem_key            VARCHAR(255)   NOT NULL,
    fingerprint         VARCHAR(128)   NOT NULL,
    locked_at           TIMESTAMP(9)   NOT NULL,
    completed_at        TIMESTAMP(9),
    response_status     NUMERIC(3),
    response_type       VARCHAR(255),
    response_location   VARCHAR(2000),
    response_body       CLOB,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (id),
    CONSTRAINT uq_idempotency_scope_key UNIQUE (scope, idem_key)
);

-- Append-only audit trail: who, what, when, outcome, from where. Never updated, never deleted by Paydesk.
CREATE TABLE audit_record (
    id                  NUMERIC(19)    NOT NULL,
    occurred_at         TIMESTAMP(9)   NOT NULL,
    actor               VARCHAR(255)   NOT NULL,
    origin              VARCHAR(255)   NOT NULL,
    action              VARCHAR(100)   NOT NULL,
    subject_type        VARCHAR(50)    NOT NULL,
    subject_id          VARCHAR(100)   NOT NULL,
    outcome             VARCHAR(50)    NOT NULL,
    detail              VARCHAR(500),
    CONSTRAINT pk_audit_record PRIMARY KEY (id)
);
CREATE INDEX ix_audit_subject ON audit_record (subject_type, subject_id);
CREATE INDEX ix_audit_occurred ON audit_record (occurred_at);
