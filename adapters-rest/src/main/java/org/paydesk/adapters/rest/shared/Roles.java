package org.paydesk.adapters.rest.shared;

/**
 * The roles of DESIGN.md §4 and who may do what, following the product's documentation. Every resource method
 * names its roles from here, so the matrix lives in one place.
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String ACCOUNTS_PAYABLE = "ACCOUNTS_PAYABLE";
    public static final String ACCOUNTS_RECEIVABLE = "ACCOUNTS_RECEIVABLE";
    public static final String CASHIER = "CASHIER";
    public static final String CREDIT_MANAGER = "CREDIT_MANAGER";
    public static final String SALES = "SALES";
    public static final String SALES_ALLOCATIONS = "SALES_ALLOCATIONS";
    public static final String SALES_MANAGER = "SALES_MANAGER";
    public static final String BUYER = "BUYER";
    public static final String INTEGRATION = "INTEGRATION";

    private Roles() {
    }
}
