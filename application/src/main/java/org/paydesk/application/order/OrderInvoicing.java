package org.paydesk.application.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.paydesk.application.receivable.port.out.ReceivableRepository;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.receivable.Receivable;

/**
 * Makes the invoice of an order being confirmed: numbered as the order (or, should the customer already have an
 * invoice of that number, the order number and its id), issued today (UTC), for the order's total. Paid at once it
 * is due today; confirmed on account it is due in {@value #TERMS_DAYS} days.
 */
@ApplicationScoped
public class OrderInvoicing {

    /** Payment terms of an order confirmed on account (net 30). */
    static final int TERMS_DAYS = 30;

    private final ReceivableRepository receivables;

    @Inject
    public OrderInvoicing(ReceivableRepository receivables) {
        this.receivables = receivables;
    }

    /** An invoice not yet stored; the caller applies any payment to it and then {@link #store}s it. */
    public Receivable invoiceFor(SalesOrder order, boolean paidNow, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String number = order.number();
        if (!receivables.existingNumbers(order.customerId(), List.of(number)).isEmpty()) {
            number = number + "-" + order.id();
        }
        return Receivable.open(receivables.nextId(), order.customerId(), number, today,
                paidNow ? today : today.plusDays(TERMS_DAYS), order.total());
    }

    public void store(Receivable invoice) {
        receivables.add(invoice);
    }

    /** For CDI's proxy only. */
    protected OrderInvoicing() {
        this(null);
    }
}
