package org.paydesk.application.paymentlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.card;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.notification.DocumentValues;
import org.paydesk.application.notification.Notification;
import org.paydesk.application.payment.PaymentDesk;
import org.paydesk.application.paymentlink.port.in.LinkPage;
import org.paydesk.application.paymentlink.port.in.PaymentLinkView;
import org.paydesk.application.paymentlink.port.in.SendInvoiceLinkCommand;
import org.paydesk.application.paymentlink.port.in.SendOrderLinkCommand;
import org.paydesk.application.paymentlink.port.in.SendStatementLinkCommand;
import org.paydesk.application.paymentmethod.LinkSecrets;
import org.paydesk.application.paymentmethod.port.in.LinkUnavailableException;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerPreferences;
import org.paydesk.domain.order.OrderLine;
import org.paydesk.domain.order.OrderSource;
import org.paydesk.domain.order.OrderStatus;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.AllocationRequest;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.paymentlink.PaymentLink;
import org.paydesk.domain.paymentlink.PaymentLinkStatus;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.DomainException;

class PaymentLinkServiceTest {

    private static final Actor PAYER = new Actor("customer", "203.0.113.9");
    private static final LocalDate DUE = LocalDate.of(2024, 3, 31);

    private final LinkDesk desk = new LinkDesk();
    private final Customer customer = desk.payments.customer();
    private final Receivable invoice = desk.payments.invoice(customer, "125.50", DUE);

    private PaymentLinkView sendInvoice() {
        return desk.service.sendForInvoice(new SendInvoiceLinkCommand(invoice.id(), "ap@customer.example",
                PaymentDesk.CASHIER));
    }

    private IdempotentAnswer pay(String secret, IdempotentRequest request) {
        return desk.service.pay(secret, card(), PAYER, request, desk.render);
    }

    @Test
    void an_invoice_link_is_mailed_with_the_invoice_as_a_pdf_and_only_its_secret_hash_is_stored() {
        PaymentLinkView sent = sendInvoice();

        Notification mail = desk.outbox.sent.get(0);
        assertEquals(PaymentLinkMails.INVOICE, mail.kind());
        assertEquals("ap@customer.example", mail.recipient());
        String secret = desk.lastSecret();
        assertEquals(LinkSecrets.hash(secret), sent.link().secretHash());
        assertFalse(desk.links.all().get(0).secretHash().contains(secret));
        DocumentValues pdf = DocumentValues.from(mail.values());
        assertEquals("Invoice " + invoice.number(), pdf.title());
        assertEquals("125.50 USD", pdf.total());
        assertEquals(invoice.number(), pdf.lines().get(0).number());
        assertEquals("125.50 USD", mail.values().get("total"));
        assertEquals(PaymentLinkStatus.SENT, sent.status());
    }

    @Test
    void an_orders_invoice_is_sent_from_the_order_and_an_order_without_invoice_is_refused() {
        SalesOrderId confirmedId = desk.orders.nextId();
        List<OrderLine> lines = List.of(new OrderLine(new Sku("SKU-1"), "Gloves", 1, invoice.originalAmount()));
        desk.orders.add(SalesOrder.restore(confirmedId, "SO-1", customer.id(), OrderSource.STAFF, lines,
                OrderStatus.CONFIRMED, null, invoice.id(), PaymentDesk.START, PaymentDesk.START, 0));
        SalesOrderId openId = desk.orders.nextId();
        desk.orders.add(SalesOrder.place(openId, "SO-2", customer.id(), OrderSource.STAFF, lines, PaymentDesk.START));

        PaymentLinkView sent = desk.service.sendForOrder(new SendOrderLinkCommand(confirmedId, "ap@customer.example",
                PaymentDesk.CASHIER));
        DomainException notInvoiced = assertThrows(DomainException.class, () -> desk.service.sendForOrder(
                new SendOrderLinkCommand(openId, "ap@customer.example", PaymentDesk.CASHIER)));

        assertEquals(List.of(invoice.id()), sent.link().invoices());
        assertEquals("order_not_invoiced", notInvoiced.code());
        assertEquals(1, desk.outbox.sent.size());
        assertThrows(NotFoundException.class, () -> desk.service.sendForOrder(new SendOrderLinkCommand(
                new SalesOrderId(987_654), "ap@customer.example", PaymentDesk.CASHIER)));
    }

    @Test
    void an_opted_out_customers_invoice_is_emailed_as_a_pdf_without_a_link_and_others_get_one() {
        Optional<PaymentLinkView> withLink = desk.service.emailInvoice(new SendInvoiceLinkCommand(invoice.id(),
                "ap@customer.example", PaymentDesk.CASHIER));
        Customer optedOut = desk.payments.customers.find(customer.id()).orElseThrow();
        optedOut.changePreferences(new CustomerPreferences(false, false, true));
        desk.payments.customers.update(optedOut);

        Optional<PaymentLinkView> withoutLink = desk.service.emailInvoice(new SendInvoiceLinkCommand(invoice.id(),
                "ap@customer.example", PaymentDesk.CASHIER));

        assertTrue(withLink.isPresent());
        assertTrue(withoutLink.isEmpty());
        assertEquals(1, desk.links.all().size(), "only the first mail made a link");
        Notification plain = desk.outbox.sent.get(1);
        assertEquals(PaymentLinkMails.INVOICE_ONLY, plain.kind());
        assertFalse(plain.values().containsKey("linkPath"), "no link in the mail");
        assertEquals("Invoice " + invoice.number(), DocumentValues.from(plain.values()).title());
        assertThrows(DomainException.class, () -> desk.service.emailInvoice(new SendInvoiceLinkCommand(invoice.id(),
                "not-an-address", PaymentDesk.CASHIER)));
        assertEquals(2, desk.outbox.sent.size());
    }

    @Test
    void a_customer_opted_out_of_payment_links_is_refused_and_nothing_is_stored_or_sent() {
        Customer optedOut = desk.payments.customers.find(customer.id()).orElseThrow();
        optedOut.changePreferences(new CustomerPreferences(false, false, true));
        desk.payments.customers.update(optedOut);

        DomainException refused = assertThrows(DomainException.class, this::sendInvoice);
        assertEquals("payment_links_disabled", refused.code());
        DomainException statement = assertThrows(DomainException.class, () -> desk.service.sendStatement(
                new SendStatementLinkCommand(customer.id(), "ap@customer.example", PaymentDesk.CASHIER)));
        assertEquals("payment_links_disabled", statement.code());
        assertTrue(desk.links.all().isEmpty());
        assertTrue(desk.outbox.sent.isEmpty());
    }

    @Test
    void bad_requests_are_refused_with_nothing_stored_or_sent() {
        assertThrows(NotFoundException.class, () -> desk.service.sendForInvoice(new SendInvoiceLinkCommand(
                new ReceivableId(999), "ap@customer.example", PaymentDesk.CASHIER)));
        assertEquals("invalid_email", assertThrows(DomainException.class, () -> desk.service.sendForInvoice(
                new SendInvoiceLinkCommand(invoice.id(), "nobody", PaymentDesk.CASHIER))).code());
        Customer other = desk.payments.customer();
        assertEquals("nothing_open", assertThrows(DomainException.class, () -> desk.service.sendStatement(
                new SendStatementLinkCommand(other.id(), "ap@customer.example", PaymentDesk.CASHIER))).code());
        assertTrue(desk.links.all().isEmpty());
        assertTrue(desk.outbox.sent.isEmpty());
    }

    @Test
    void the_24_hours_start_when_the_page_is_first_opened_and_then_the_link_expires() {
        sendInvoice();
        String secret = desk.lastSecret();
        desk.payments.time.advance(Duration.ofDays(3));
        LinkPage unopened = desk.service.open(secret);
        assertEquals(PaymentLinkStatus.SENT, unopened.status());
        assertNull(unopened.activeUntil());

        desk.service.markOpened(secret);
        desk.payments.time.advance(Duration.ofHours(23));
        desk.service.markOpened(secret);
        assertEquals(PaymentLinkStatus.OPENED, desk.service.open(secret).status());

        desk.payments.time.advance(Duration.ofHours(1));
        assertEquals(PaymentLinkStatus.EXPIRED, desk.service.open(secret).status());
        assertEquals("link_expired", assertThrows(DomainException.class, () -> pay(secret, desk.request())).code());
        assertTrue(desk.payments.processor.requests().isEmpty());
        assertEquals(usd("125.50"), desk.payments.balanceOf(invoice));
    }

    @Test
    void paying_through_the_link_charges_the_open_balance_on_the_link_channel_and_closes_the_link() {
        sendInvoice();
        String secret = desk.lastSecret();
        desk.service.markOpened(secret);
        desk.payments.processor.answers(new PaymentOutcome.Succeeded("pi_link"));

        IdempotentRequest request = desk.request();
        IdempotentAnswer answer = pay(secret, request);

        assertEquals(200, answer.response().status());
        Payment payment = desk.payments.payments.all().get(0);
        assertEquals(PaymentChannel.PAYMENT_LINK, payment.channel());
        assertEquals(usd("125.50"), payment.amount());
        assertEquals(List.of(new AllocationRequest(invoice.id(), usd("125.50"))), payment.allocations().stream()
                .map(a -> new AllocationRequest(a.receivableId(), a.amount())).toList());
        assertEquals(usd("0.00"), desk.payments.balanceOf(invoice));
        assertEquals(PaymentLinkStatus.PAID, desk.service.open(secret).status());
        assertEquals(payment.id(), desk.links.all().get(0).lastPaymentId());

        IdempotentAnswer doubleClick = pay(secret, request);
        assertTrue(doubleClick.replayed());
        assertEquals(answer.response(), doubleClick.response());
        assertEquals("link_paid", assertThrows(DomainException.class, () -> pay(secret, desk.request())).code());
        assertEquals(1, desk.payments.processor.requests().size());
    }

    @Test
    void a_link_whose_invoice_was_paid_in_accounts_receivable_shows_paid_and_charges_nothing() {
        sendInvoice();
        String secret = desk.lastSecret();
        desk.payments.processor.answers(new PaymentOutcome.Succeeded("pi_ar"));
        desk.payments.receiving.receive(PaymentDesk.oldestFirst(customer, usd("125.50"), card()));

        LinkPage page = desk.service.open(secret);

        assertEquals(PaymentLinkStatus.PAID, page.status());
        assertEquals(usd("0.00"), page.openTotal());
        assertEquals("link_paid", assertThrows(DomainException.class, () -> pay(secret, desk.request())).code());
        assertEquals(1, desk.payments.processor.requests().size());
    }

    @Test
    void a_partly_paid_invoice_is_charged_only_what_is_still_open() {
        sendInvoice();
        String secret = desk.lastSecret();
        desk.payments.processor.answers(new PaymentOutcome.Succeeded("pi_ar"))
                .answers(new PaymentOutcome.Succeeded("pi_link"));
        desk.payments.receiving.receive(PaymentDesk.oldestFirst(customer, usd("25.50"), card()));
        assertEquals(usd("100.00"), desk.service.open(secret).openTotal());

        pay(secret, desk.request());

        assertEquals(usd("100.00"), desk.payments.processor.lastRequest().amount());
        assertEquals(usd("0.00"), desk.payments.balanceOf(invoice));
        assertEquals(usd("0.00"), desk.payments.creditOf(customer));
    }

    @Test
    void a_declined_card_leaves_the_link_open_for_another_try() {
        sendInvoice();
        String secret = desk.lastSecret();
        desk.payments.processor.answers(new PaymentOutcome.Declined("ch_declined", PaymentDesk.doNotHonor()))
                .answers(new PaymentOutcome.Succeeded("pi_link"));

        assertEquals(402, pay(secret, desk.request()).response().status());
        assertEquals(PaymentLinkStatus.SENT, desk.service.open(secret).status());
        assertEquals(usd("125.50"), desk.payments.balanceOf(invoice));

        assertEquals(200, pay(secret, desk.request()).response().status());
        assertEquals(PaymentLinkStatus.PAID, desk.service.open(secret).status());
    }

    @Test
    void a_statement_link_pays_every_invoice_it_listed_and_no_later_one() {
        Receivable second = desk.payments.invoice(customer, "74.50", DUE.plusDays(10));
        desk.service.sendStatement(new SendStatementLinkCommand(customer.id(), "ap@customer.example",
                PaymentDesk.CASHIER));
        String secret = desk.lastSecret();
        Notification mail = desk.outbox.sent.get(0);
        assertEquals(PaymentLinkMails.STATEMENT, mail.kind());
        assertEquals(2, DocumentValues.from(mail.values()).lines().size());
        assertEquals("200.00 USD", mail.values().get("total"));
        Receivable later = desk.payments.invoice(customer, "10.00", DUE.plusDays(20));
        desk.payments.processor.answers(new PaymentOutcome.Succeeded("pi_statement"));

        LinkPage page = desk.service.open(secret);
        assertEquals(2, page.invoices().size());
        pay(secret, desk.request());

        assertEquals(usd("200.00"), desk.payments.processor.lastRequest().amount());
        assertEquals(usd("0.00"), desk.payments.balanceOf(invoice));
        assertEquals(usd("0.00"), desk.payments.balanceOf(second));
        assertEquals(usd("10.00"), desk.payments.balanceOf(later));
        assertEquals(PaymentLinkStatus.PAID, desk.service.open(secret).status());
    }

    @Test
    void an_unknown_or_malformed_secret_opens_nothing() {
        sendInvoice();

        assertThrows(LinkUnavailableException.class, () -> desk.service.open("x".repeat(43)));
        assertThrows(LinkUnavailableException.class, () -> desk.service.open("short"));
        assertThrows(LinkUnavailableException.class, () -> desk.service.markOpened(null));
        assertThrows(LinkUnavailableException.class, () -> pay("y".repeat(43), desk.request()));
    }

    @Test
    void tokenizing_needs_a_payable_link() {
        sendInvoice();
        String secret = desk.lastSecret();
        desk.service.markOpened(secret);
        assertEquals("pm_card_visa", desk.service.tokenizeCard(secret, null).token());

        desk.payments.time.advance(PaymentLink.ACTIVE_FOR);

        assertEquals("link_expired", assertThrows(DomainException.class,
                () -> desk.service.tokenizeCard(secret, null)).code());
    }

    @Test
    void staff_read_a_link_as_it_stands_now_and_an_unknown_one_is_not_found() {
        PaymentLinkView sent = sendInvoice();
        desk.service.markOpened(desk.lastSecret());

        PaymentLinkView read = desk.service.get(sent.link().id());

        assertEquals(PaymentLinkStatus.OPENED, read.status());
        assertEquals(usd("125.50"), read.openTotal());
        assertEquals(invoice.number(), read.invoices().get(0).number());
        assertEquals(PaymentDesk.START.plus(PaymentLink.ACTIVE_FOR), read.link().activeUntil());
        assertThrows(NotFoundException.class, () -> desk.service.get(
                new org.paydesk.domain.paymentlink.PaymentLinkId(999)));
    }

    @Test
    void a_bank_debit_still_processing_applies_the_money_and_closes_the_link() {
        sendInvoice();
        String secret = desk.lastSecret();
        desk.payments.processor.answers(new PaymentOutcome.Processing("pi_ach"));

        desk.service.pay(secret, org.paydesk.domain.testdata.Payments.bankAccount(), PAYER, desk.request(),
                desk.render);

        assertEquals(PaymentChannel.PAYMENT_LINK, desk.payments.payments.all().get(0).channel());
        assertEquals(usd("0.00"), desk.payments.balanceOf(invoice));
        assertEquals(PaymentLinkStatus.PAID, desk.service.open(secret).status());
    }
}
