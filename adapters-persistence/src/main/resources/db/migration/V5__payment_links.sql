-- Paydesk schema, version 5: payment links (an invoice or a statement emailed with a link to pay it).
--
-- The rules of V1 hold (see there): runs unchanged on H2 2.2 and Oracle 19+; NUMERIC(19), VARCHAR (character
-- lengths), TIMESTAMP(9) holding UTC; no IDENTITY, no BOOLEAN; no reserved word as a column name (hence
-- link_kind, list_position); identifiers within 30 characters; every sequence START WITH 50 INCREMENT BY 50 to match
-- EclipseLink's allocationSize.

CREATE SEQUENCE payment_link_seq START WITH 50 INCREMENT BY 50;

-- A payment link. Only the SHA-256 of its secret is stored (the secret is in the e-mail only), and the unique index
-- on it is how a click finds its link. Its status is never stored: PAID follows from its invoices' balances, EXPIRED
-- from opened_at plus 24 hours. last_payment_id names the last payment taken through the link, without a foreign
-- key, as the record of what the link did.
CREATE TABLE payment_link (
    id                  NUMERIC(19)    NOT NULL,
    link_kind           VARCHAR(20)    NOT NULL,
    customer_id         NUMERIC(19)    NOT NULL,
    recipient_email     VARCHAR(254)   NOT NULL,
    secret_hash         VARCHAR(64)    NOT NULL,
    sent_by             VARCHAR(255)   NOT NULL,
    sent_at             TIMESTAMP(9)   NOT NULL,
    opened_at           TIMESTAMP(9),
    last_payment_id     NUMERIC(19),
    last_payment_at     TIMESTAMP(9),
    version             NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_payment_link PRIMARY KEY (id),
    CONSTRAINT fk_payment_link_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT uq_payment_link_secret_hash UNIQUE (secret_hash),
    CONSTRAINT ck_payment_link_hash CHECK (LENGTH(secret_hash) = 64),
    CONSTRAINT ck_payment_link_kind CHECK (link_kind IN ('INVOICE', 'STATEMENT')),
    CONSTRAINT ck_payment_link_opened CHECK (opened_at IS NULL OR opened_at >= sent_at),
    CONSTRAINT ck_payment_link_payment CHECK ((last_payment_id IS NULL AND last_payment_at IS NULL)
        OR (last_payment_id IS NOT NULL AND last_payment_at IS NOT NULL))
);
CREATE INDEX ix_payment_link_customer ON payment_link (customer_id, sent_at);

-- The invoices a link pays, in the order the mail listed them; fixed when the link is sent.
CREATE TABLE payment_link_invoice (
    link_id             NUMERIC(19)    NOT NULL,
    list_position       NUMERIC(5)     NOT NULL,
    receivable_id       NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_payment_link_invoice PRIMARY KEY (link_id, list_position),
    CONSTRAINT fk_pl_invoice_link FOREIGN KEY (link_id) REFERENCES payment_link (id),
    CONSTRAINT fk_pl_invoice_receivable FOREIGN KEY (receivable_id) REFERENCES receivable (id),
    CONSTRAINT uq_pl_invoice_receivable UNIQUE (link_id, receivable_id)
);
-- Indexed foreign key: no table lock on Oracle when invoices change.
CREATE INDEX ix_pl_invoice_receivable ON payment_link_invoice (receivable_id);
