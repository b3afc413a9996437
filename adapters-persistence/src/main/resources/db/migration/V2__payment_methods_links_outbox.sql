-- Paydesk schema, version 2: saved payment methods, "request payment method" links, e-commerce buyers' logins
-- and the mail outbox.
--
-- The rules of V1 hold (see there): runs unchanged on H2 2.2 and Oracle 19+; NUMERIC(19), VARCHAR, TIMESTAMP(9),
-- CLOB; no IDENTITY, no BOOLEAN (a flag is NUMERIC(1) checked to 0 or 1); no reserved word as a column name
-- (hence template_values, not "values"); identifiers within 30 characters; every sequence START WITH 50
-- INCREMENT BY 50 to match EclipseLink's allocationSize.

CREATE SEQUENCE payment_method_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE payment_method_request_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE buyer_account_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE mail_outbox_seq START WITH 50 INCREMENT BY 50;

-- A saved payment method: the processor's token and what may be shown of it. Never a card or account number:
-- last4 is CHAR(4) and must be four digits, so not even a fifth digit fits. The same token is saved once per
-- customer (saving it again returns the saved one; a racing second save fails here). At most one default per
-- customer is kept by the application (under the version check of the method that loses the flag).
CREATE TABLE payment_method (
    id                  NUMERIC(19)    NOT NULL,
    customer_id         NUMERIC(19)    NOT NULL,
    method_type         VARCHAR(20)    NOT NULL,
    processor_token     VARCHAR(255)   NOT NULL,
    brand               VARCHAR(50),
    last4               CHAR(4)        NOT NULL,
    exp_month           NUMERIC(2),
    exp_year            NUMERIC(4),
    bank_name           VARCHAR(200),
    is_default          NUMERIC(1)     NOT NULL,
    created_at          TIMESTAMP(9)   NOT NULL,
    version             NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_payment_method PRIMARY KEY (id),
    CONSTRAINT fk_payment_method_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT uq_payment_method_token UNIQUE (customer_id, processor_token),
    CONSTRAINT ck_payment_method_default CHECK (is_default IN (0, 1)),
    CONSTRAINT ck_payment_method_last4 CHECK (TRANSLATE(last4, '0123456789', 'dddddddddd') = 'dddd'),
    CONSTRAINT ck_payment_method_exp_month CHECK (exp_month BETWEEN 1 AND 12)
);
-- A customer's methods are read through uq_payment_method_token, whose first column is customer_id.

-- A "request payment method" link. Only the SHA-256 of its secret is stored (the secret is in the e-mail only),
-- and the unique index on it is how a click finds its link. completed_with names the saved method by id without a
-- foreign key: the method may later be removed, and the record of what the link did must stay.
CREATE TABLE payment_method_request (
    id                  NUMERIC(19)    NOT NULL,
    customer_id         NUMERIC(19)    NOT NULL,
    recipient_email     VARCHAR(254)   NOT NULL,
    secret_hash         VARCHAR(64)    NOT NULL,
    sent_by             VARCHAR(255)   NOT NULL,
    sent_at             TIMESTAMP(9)   NOT NULL,
    expires_at          TIMESTAMP(9)   NOT NULL,
    opened_at           TIMESTAMP(9),
    completed_at        TIMESTAMP(9),
    completed_with      NUMERIC(19),
    revoked_at          TIMESTAMP(9),
    revoked_by          VARCHAR(255),
    version             NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_payment_method_request PRIMARY KEY (id),
    CONSTRAINT fk_pm_request_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT uq_pm_request_secret_hash UNIQUE (secret_hash),
    CONSTRAINT ck_pm_request_hash CHECK (LENGTH(secret_hash) = 64),
    CONSTRAINT ck_pm_request_expiry CHECK (expires_at > sent_at),
    CONSTRAINT ck_pm_request_completed CHECK ((completed_at IS NULL AND completed_with IS NULL)
        OR (completed_at IS NOT NULL AND completed_with IS NOT NULL)),
    CONSTRAINT ck_pm_request_revoked CHECK ((revoked_at IS NULL AND revoked_by IS NULL)
        OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL)),
    -- A link is spent once: completed or revoked, never both.
    CONSTRAINT ck_pm_request_spent_once CHECK (completed_at IS NULL OR revoked_at IS NULL)
);
CREATE INDEX ix_pm_request_customer ON payment_method_request (customer_id, sent_at);

-- Which customer an e-commerce buyer's login acts for. A login acts for one customer only.
CREATE TABLE buyer_account (
    id                  NUMERIC(19)    NOT NULL,
    login               VARCHAR(254)   NOT NULL,
    customer_id         NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_buyer_account PRIMARY KEY (id),
    CONSTRAINT fk_buyer_account_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT uq_buyer_account_login UNIQUE (login)
);
-- Indexed foreign key: no table lock on Oracle when customers change.
CREATE INDEX ix_buyer_account_customer ON buyer_account (customer_id);

-- The transactional outbox: a mail is written in the transaction of the change it reports and sent after commit.
-- lease_until is a deliverer's claim (so two nodes never send one mail at the same time); next_attempt_at is when
-- it is due (again). Sent entries stay for the record, with template_values erased: they can hold a link's secret.
CREATE TABLE mail_outbox (
    id                  NUMERIC(19)    NOT NULL,
    kind                VARCHAR(100)   NOT NULL,
    recipient           VARCHAR(254)   NOT NULL,
    template_values     CLOB,
    created_at          TIMESTAMP(9)   NOT NULL,
    attempts            NUMERIC(9)     NOT NULL,
    next_attempt_at     TIMESTAMP(9)   NOT NULL,
    lease_until         TIMESTAMP(9),
    sent_at             TIMESTAMP(9),
    last_error          VARCHAR(500),
    CONSTRAINT pk_mail_outbox PRIMARY KEY (id),
    CONSTRAINT ck_mail_outbox_attempts CHECK (attempts >= 0)
);
-- "Unsent and due" is one range scan however many sent mails accumulate. On Oracle too: next_attempt_at is never
-- NULL, so every row, sent_at NULL or not, is in the index.
CREATE INDEX ix_mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);
