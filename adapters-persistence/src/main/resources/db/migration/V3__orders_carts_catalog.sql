-- Paydesk schema, version 3: customer preferences, the catalogue, sales orders with their lines, e-commerce carts
-- with their lines, and merchant settings (the wallets offered at checkout).
--
-- The rules of V1 hold (see there): runs unchanged on H2 2.2 and Oracle 19+; NUMERIC(19), VARCHAR, TIMESTAMP(9)
-- holding UTC; no IDENTITY, no BOOLEAN (a flag is NUMERIC(1) checked to 0 or 1); no reserved word as a column name
-- (hence order_number, setting_value); identifiers within 30 characters; every sequence START WITH 50
-- INCREMENT BY 50 to match EclipseLink's allocationSize. Money is <what>_minor next to a currency column.

CREATE SEQUENCE sales_order_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE cart_seq START WITH 50 INCREMENT BY 50;

-- How the distributor deals with each customer (CustomerPreferences). The defaults are CustomerPreferences.DEFAULT,
-- so the customers already there get what a newly registered one gets. One column per ALTER: the one form that
-- H2 and Oracle both accept.
ALTER TABLE customer ADD require_payment_on_confirm NUMERIC(1) DEFAULT 0 NOT NULL;
ALTER TABLE customer ADD payment_links_enabled NUMERIC(1) DEFAULT 1 NOT NULL;
ALTER TABLE customer ADD receipts_enabled NUMERIC(1) DEFAULT 1 NOT NULL;
ALTER TABLE customer ADD CONSTRAINT ck_customer_pay_on_confirm CHECK (require_payment_on_confirm IN (0, 1));
ALTER TABLE customer ADD CONSTRAINT ck_customer_payment_links CHECK (payment_links_enabled IN (0, 1));
ALTER TABLE customer ADD CONSTRAINT ck_customer_receipts CHECK (receipts_enabled IN (0, 1));

-- What the distributor sells, at the price Paydesk holds for it. The SKU is the business key and the primary key.
CREATE TABLE catalog_item (
    sku                 VARCHAR(40)    NOT NULL,
    description         VARCHAR(200)   NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    unit_price_minor    NUMERIC(19)    NOT NULL,
    is_active           NUMERIC(1)     NOT NULL,
    version             NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_catalog_item PRIMARY KEY (sku),
    CONSTRAINT ck_catalog_item_price CHECK (unit_price_minor > 0),
    CONSTRAINT ck_catalog_item_active CHECK (is_active IN (0, 1))
);

-- A sales order. Its total is the sum of its lines (kept here too, so Order Summary lists totals without reading
-- lines); payment_id is the latest payment taken for it, receivable_id the invoice a confirmed order has.
CREATE TABLE sales_order (
    id                  NUMERIC(19)    NOT NULL,
    order_number        VARCHAR(40)    NOT NULL,
    customer_id         NUMERIC(19)    NOT NULL,
    order_source        VARCHAR(20)    NOT NULL,
    status              VARCHAR(20)    NOT NULL,
    payment_id          NUMERIC(19),
    receivable_id       NUMERIC(19),
    currency            VARCHAR(3)     NOT NULL,
    total_minor         NUMERIC(19)    NOT NULL,
    created_at          TIMESTAMP(9)   NOT NULL,
    updated_at          TIMESTAMP(9)   NOT NULL,
    version             NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_sales_order PRIMARY KEY (id),
    CONSTRAINT uq_sales_order_number UNIQUE (order_number),
    CONSTRAINT fk_sales_order_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_sales_order_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT fk_sales_order_receivable FOREIGN KEY (receivable_id) REFERENCES receivable (id),
    CONSTRAINT ck_sales_order_total CHECK (total_minor > 0),
    CONSTRAINT ck_sales_order_confirmed CHECK (status <> 'CONFIRMED' OR receivable_id IS NOT NULL)
);
-- Order Summary: one customer's orders newest first, orders by status or by the day placed, and "which order does
-- this payment pay" (payment events); the invoice's index also spares Oracle a table lock when invoices change.
CREATE INDEX ix_sales_order_customer ON sales_order (customer_id, created_at);
CREATE INDEX ix_sales_order_status ON sales_order (status, created_at);
CREATE INDEX ix_sales_order_created ON sales_order (created_at);
CREATE INDEX ix_sales_order_payment ON sales_order (payment_id);
CREATE INDEX ix_sales_order_receivable ON sales_order (receivable_id);

-- The lines of an order, in order; written with it and never changed.
CREATE TABLE sales_order_line (
    order_id            NUMERIC(19)    NOT NULL,
    line_no             NUMERIC(5)     NOT NULL,
    sku                 VARCHAR(40)    NOT NULL,
    description         VARCHAR(200)   NOT NULL,
    quantity            NUMERIC(9)     NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    unit_price_minor    NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_sales_order_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_order_line_order FOREIGN KEY (order_id) REFERENCES sales_order (id),
    CONSTRAINT ck_order_line_quantity CHECK (quantity BETWEEN 1 AND 1000000),
    CONSTRAINT ck_order_line_price CHECK (unit_price_minor > 0)
);

-- A buyer's cart; order_id names the order it became at checkout (and only then).
CREATE TABLE cart (
    id                  NUMERIC(19)    NOT NULL,
    customer_id         NUMERIC(19)    NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    status              VARCHAR(20)    NOT NULL,
    order_id            NUMERIC(19),
    created_at          TIMESTAMP(9)   NOT NULL,
    updated_at          TIMESTAMP(9)   NOT NULL,
    version             NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_cart PRIMARY KEY (id),
    CONSTRAINT fk_cart_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_cart_order FOREIGN KEY (order_id) REFERENCES sales_order (id),
    CONSTRAINT uq_cart_order UNIQUE (order_id),
    CONSTRAINT ck_cart_checked_out CHECK ((status = 'CHECKED_OUT' AND order_id IS NOT NULL)
        OR (status <> 'CHECKED_OUT' AND order_id IS NULL))
);
-- Indexed foreign key: a customer's carts, and no table lock on Oracle when customers change.
CREATE INDEX ix_cart_customer ON cart (customer_id);

-- The lines of a cart by position. A changed cart rewrites its lines in place by position, so the key never
-- moves; "one line per item" is the domain's rule (a unique (cart_id, sku) could fail half-way through a rewrite).
CREATE TABLE cart_line (
    cart_id             NUMERIC(19)    NOT NULL,
    line_no             NUMERIC(5)     NOT NULL,
    sku                 VARCHAR(40)    NOT NULL,
    description         VARCHAR(200)   NOT NULL,
    quantity            NUMERIC(9)     NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    unit_price_minor    NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_cart_line PRIMARY KEY (cart_id, line_no),
    CONSTRAINT fk_cart_line_cart FOREIGN KEY (cart_id) REFERENCES cart (id),
    CONSTRAINT ck_cart_line_quantity CHECK (quantity BETWEEN 1 AND 1000000),
    CONSTRAINT ck_cart_line_price CHECK (unit_price_minor > 0)
);

-- Settings the merchant changes at run time (an Admin's choice, not a deployment's), by name. A value may be
-- empty, which Oracle stores as NULL: hence nullable.
CREATE TABLE merchant_setting (
    setting_name        VARCHAR(100)   NOT NULL,
    setting_value       VARCHAR(1000),
    version             NUMERIC(19)    NOT NULL,
    CONSTRAINT pk_merchant_setting PRIMARY KEY (setting_name)
);
