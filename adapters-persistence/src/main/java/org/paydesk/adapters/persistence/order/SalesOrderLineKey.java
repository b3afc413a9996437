package org.paydesk.adapters.persistence.order;

import java.io.Serializable;
import java.util.Objects;

/** The key of a {@link SalesOrderLineEntity}: its order's id and its position in the order. */
class SalesOrderLineKey implements Serializable {

    private static final long serialVersionUID = 1L;

    // Named and typed as JPA's derived identity requires: the relationship's name, the order's id type.
    private Long salesOrder;
    private int lineNo;

    SalesOrderLineKey() {
    }

    SalesOrderLineKey(long salesOrder, int lineNo) {
        this.salesOrder = salesOrder;
        this.lineNo = lineNo;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SalesOrderLineKey key && Objects.equals(salesOrder, key.salesOrder)
                && lineNo == key.lineNo;
    }

    @Override
    public int hashCode() {
        return Objects.hash(salesOrder, lineNo);
    }
}
