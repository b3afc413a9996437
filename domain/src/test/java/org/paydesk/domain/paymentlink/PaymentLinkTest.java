package org.paydesk.domain.paymentlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Receivables.aReceivable;
import static org.paydesk.domain.testdata.Receivables.byId;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.AllocationRequest;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.Money;

class PaymentLinkTest {

    private static final Instant SENT = Instant.parse("2026-03-01T09:00:00Z");
    private static final String HASH = "a".repeat(64);
    private static final Money ZERO = usd("0.00");

    private final Receivable first = aReceivable().withId(1).forCustomer(7).numbered("INV-1").withBalance("100.00")
            .build();
    private final Receivable second = aReceivable().withId(2).forCustomer(7).numbered("INV-2").withBalance("50.25")
            .build();

    private PaymentLink invoiceLink() {
        return PaymentLink.send(new PaymentLinkId(5), PaymentLinkKind.INVOICE, new CustomerId(7), List.of(first),
                "ap@customer.example", HASH, "clerk", SENT);
    }

    private PaymentLink statementLink() {
        return PaymentLink.send(new PaymentLinkId(6), PaymentLinkKind.STATEMENT, new CustomerId(7),
                List.of(first, second), "ap@customer.example", HASH, "clerk", SENT);
    }

    @Test
    void an_unopened_link_does_not_expire_however_long_it_waits() {
        PaymentLink link = invoiceLink();

        assertNull(link.activeUntil());
        assertEquals(PaymentLinkStatus.SENT, link.status(SENT.plus(Duration.ofDays(30)), usd("100.00")));
    }

    @Test
    void the_24_hours_start_at_the_first_opening_not_at_sending() {
        PaymentLink link = invoiceLink();
        Instant opened = SENT.plus(Duration.ofDays(3));

        link.markOpened(opened);
        link.markOpened(opened.plus(Duration.ofHours(5)));

        assertEquals(opened.plus(Duration.ofHours(24)), link.activeUntil());
        assertEquals(PaymentLinkStatus.OPENED, link.status(opened.plus(Duration.ofHours(23).plusMinutes(59)),
                usd("100.00")));
        assertEquals(PaymentLinkStatus.EXPIRED, link.status(opened.plus(Duration.ofHours(24)), usd("100.00")));
    }

    @Test
    void an_expired_link_cannot_be_opened_again_or_paid() {
        PaymentLink link = invoiceLink();
        link.markOpened(SENT);
        Instant later = SENT.plus(Duration.ofHours(25));

        assertRefused("link_expired", null, () -> link.markOpened(later));
        assertRefused("link_expired", null, () -> link.allocationsToPay(byId(first), later));
    }

    @Test
    void a_link_closes_as_soon_as_its_invoice_is_paid_by_any_channel() {
        PaymentLink link = invoiceLink();
        link.markOpened(SENT);

        first.apply(usd("100.00"));

        assertEquals(PaymentLinkStatus.PAID, link.status(SENT.plusSeconds(60), link.openTotal(byId(first), ZERO)));
        assertRefused("link_paid", null, () -> link.allocationsToPay(byId(first), SENT.plusSeconds(60)));
    }

    @Test
    void a_paid_link_stays_paid_after_its_24_hours() {
        PaymentLink link = invoiceLink();
        link.markOpened(SENT);

        assertEquals(PaymentLinkStatus.PAID, link.status(SENT.plus(Duration.ofDays(2)), ZERO));
    }

    @Test
    void paying_charges_each_invoice_at_its_current_balance_never_more() {
        PaymentLink link = statementLink();
        first.apply(usd("40.00"));

        List<AllocationRequest> allocations = link.allocationsToPay(byId(first, second), SENT);

        assertEquals(List.of(new AllocationRequest(new ReceivableId(1), usd("60.00")),
                new AllocationRequest(new ReceivableId(2), usd("50.25"))), allocations);
        assertEquals(usd("110.25"), link.openTotal(byId(first, second), ZERO));
    }

    @Test
    void an_invoice_paid_meanwhile_is_left_out_of_a_statement_payment() {
        PaymentLink link = statementLink();
        second.apply(usd("50.25"));

        assertEquals(List.of(new AllocationRequest(new ReceivableId(1), usd("100.00"))),
                link.allocationsToPay(byId(first, second), SENT));
    }

    @Test
    void an_invoice_that_disappeared_or_moved_to_another_customer_is_never_charged() {
        PaymentLink link = statementLink();
        Receivable foreign = aReceivable().withId(2).forCustomer(8).withBalance("50.25").build();

        assertEquals(List.of(new AllocationRequest(new ReceivableId(1), usd("100.00"))),
                link.allocationsToPay(Map.of(new ReceivableId(1), first, new ReceivableId(2), foreign), SENT));
        assertRefused("link_paid", null, () -> link.allocationsToPay(Map.of(), SENT));
    }

    @Test
    void a_link_is_sent_only_for_open_invoices_of_its_customer_to_an_email_address() {
        Receivable paid = aReceivable().withId(3).forCustomer(7).withAmount("10.00").paid().build();
        Receivable foreign = aReceivable().withId(4).forCustomer(8).withBalance("10.00").build();

        assertRefused("invoice_not_open", null, () -> PaymentLink.send(new PaymentLinkId(1), PaymentLinkKind.INVOICE,
                new CustomerId(7), List.of(paid), "a@b.example", HASH, "clerk", SENT));
        assertRefused("invoice_not_found", null, () -> PaymentLink.send(new PaymentLinkId(1),
                PaymentLinkKind.INVOICE, new CustomerId(7), List.of(foreign), "a@b.example", HASH, "clerk", SENT));
        assertRefused("invalid_email", "email", () -> PaymentLink.send(new PaymentLinkId(1), PaymentLinkKind.INVOICE,
                new CustomerId(7), List.of(first), "not-an-address", HASH, "clerk", SENT));
        assertRefused("nothing_open", null, () -> PaymentLink.send(new PaymentLinkId(1), PaymentLinkKind.STATEMENT,
                new CustomerId(7), List.of(), "a@b.example", HASH, "clerk", SENT));
    }

    @Test
    void only_a_hash_of_the_secret_is_accepted() {
        assertThrows(IllegalArgumentException.class, () -> PaymentLink.send(new PaymentLinkId(1),
                PaymentLinkKind.INVOICE, new CustomerId(7), List.of(first), "a@b.example", "secret", "clerk", SENT));
    }
}
