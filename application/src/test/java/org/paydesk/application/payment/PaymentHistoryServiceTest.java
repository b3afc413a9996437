package org.paydesk.application.payment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.paydesk.application.payment.PaymentDesk.CASHIER;
import static org.paydesk.application.payment.PaymentDesk.oldestFirst;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.bankAccount;
import static org.paydesk.domain.testdata.Payments.card;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.application.payment.port.in.PaymentCriteria;
import org.paydesk.application.payment.port.in.PaymentHistory;
import org.paydesk.application.payment.port.in.PaymentHistoryQuery;
import org.paydesk.application.payment.port.in.PaymentSummary;
import org.paydesk.application.payment.port.in.RefundPaymentCommand;
import org.paydesk.application.payment.port.in.TimelineEntry;
import org.paydesk.application.payment.port.out.RefundOutcome;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.payment.FeeSchedule;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.PaymentStatus;

/** The payment history read through the real services on the in-memory fakes. */
class PaymentHistoryServiceTest {

    private final PaymentDesk desk = new PaymentDesk();
    private FeeSchedule schedule = FeeSchedule.standard();
    private final PaymentHistoryService history = new PaymentHistoryService(desk.payments, desk.refunds, desk.audit,
            () -> schedule);
    private final Customer acme = desk.customer();
    private final Customer globex = desk.customer();

    private Payment paid(Customer customer, String amount, PaymentOutcome outcome, boolean ach) {
        desk.invoice(customer, amount, LocalDate.of(2024, 2, 1));
        desk.processor.answers(outcome);
        return desk.receiving.receive(oldestFirst(customer, usd(amount), ach ? bankAccount() : card()));
    }

    @Test
    void search_filters_by_customer_status_method_and_day_newest_first_with_fee_and_net() {
        Payment first = paid(acme, "100.00", new PaymentOutcome.Succeeded("pi_1"), false);
        desk.time.advance(Duration.ofDays(1));
        Payment declined = paid(acme, "20.00", new PaymentOutcome.Declined("pi_2", PaymentDesk.doNotHonor()), false);
        desk.time.advance(Duration.ofDays(1));
        Payment ach = paid(globex, "50.00", new PaymentOutcome.Succeeded("py_3"), true);

        Page<PaymentSummary> everything = history.search(PaymentCriteria.all(), new PageRequest(0, 10));
        LocalDate secondDay = LocalDate.of(2024, 3, 2);

        assertAll(
                () -> assertEquals(List.of(ach.id(), declined.id(), first.id()), ids(everything)),
                () -> assertEquals(3, everything.total()),
                () -> assertEquals(List.of(declined.id(), first.id()), ids(history.search(
                        new PaymentCriteria(acme.id(), null, null, null, null, null), new PageRequest(0, 10)))),
                () -> assertEquals(List.of(declined.id()), ids(history.search(
                        new PaymentCriteria(null, null, null, PaymentStatus.FAILED, null, null),
                        new PageRequest(0, 10)))),
                () -> assertEquals(List.of(ach.id()), ids(history.search(
                        new PaymentCriteria(null, null, null, null, PaymentMethodType.ACH, null),
                        new PageRequest(0, 10)))),
                () -> assertEquals(List.of(declined.id()), ids(history.search(
                        new PaymentCriteria(null, secondDay, secondDay, null, null, null), new PageRequest(0, 10)))),
                () -> assertEquals(List.of(first.id()), ids(history.search(PaymentCriteria.all(),
                        new PageRequest(1, 2)))),
                () -> assertEquals(usd("3.15"), everything.items().get(2).fee()),
                () -> assertEquals(usd("96.85"), everything.items().get(2).net()),
                () -> assertEquals(usd("0.00"), everything.items().get(1).fee()),
                () -> assertEquals(usd("20.00"), everything.items().get(1).net()),
                () -> assertEquals(usd("1.00"), everything.items().get(0).fee()),
                () -> assertEquals(usd("49.00"), everything.items().get(0).net()));
    }

    @Test
    void a_date_range_ending_before_it_starts_is_refused() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> new PaymentCriteria(null,
                LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 1), null, null, null));
        assertEquals("to", refused.violations().get(0).field());
    }

    @Test
    void the_export_lists_every_match_in_the_order_of_the_pages() {
        for (int i = 0; i < 105; i++) {
            paid(acme, "10.00", new PaymentOutcome.Succeeded("pi_" + i), false);
            desk.time.advance(Duration.ofMinutes(1));
        }
        List<PaymentSummary> rows = history.export(PaymentCriteria.all());
        Page<PaymentSummary> lastPage = history.search(PaymentCriteria.all(), new PageRequest(5, 20));

        assertAll(
                () -> assertEquals(105, rows.size()),
                () -> assertEquals(ids(lastPage), rows.subList(100, 105).stream().map(r -> r.payment().id())
                        .toList()),
                () -> assertEquals(usd("0.54"), rows.get(0).fee()));
    }

    @Test
    void the_history_tells_the_story_with_actors_refunds_and_fee() {
        Payment payment = paid(acme, "100.00", new PaymentOutcome.Succeeded("pi_1"), false);
        desk.time.advance(Duration.ofHours(1));
        desk.refundProcessor.answers(new RefundOutcome.Succeeded("re_1"));
        desk.refunding.refund(new RefundPaymentCommand(payment.id(), usd("30.00"), "damaged", null, CASHIER));
        paid(globex, "40.00", new PaymentOutcome.Succeeded("pi_2"), false);

        PaymentHistory story = history.history(payment.id());

        assertAll(
                () -> assertEquals(List.of("payment.submitted", "payment.succeeded", "refund.requested",
                        "refund.succeeded"), story.timeline().stream().map(TimelineEntry::action).toList()),
                () -> assertEquals(CASHIER.name(), story.timeline().get(0).actor()),
                () -> assertEquals(CASHIER.origin(), story.timeline().get(0).origin()),
                () -> assertEquals(PaymentStatus.PARTIALLY_REFUNDED, story.summary().payment().status()),
                () -> assertEquals(1, story.refunds().size()),
                () -> assertEquals(usd("30.00"), story.refunds().get(0).amount()),
                () -> assertEquals(usd("3.15"), story.summary().fee()),
                () -> assertEquals(usd("96.85"), story.summary().net()));
    }

    @Test
    void fees_follow_the_configured_schedule() {
        Payment payment = paid(acme, "100.00", new PaymentOutcome.Succeeded("pi_1"), true);
        schedule = new FeeSchedule(schedule.card(),
                new FeeSchedule.Rule(new BigDecimal("0.8"), null, null, new BigDecimal("5.00")));

        assertEquals(usd("0.80"), history.history(payment.id()).summary().fee());
    }

    @Test
    void an_export_of_exactly_its_limit_is_whole_and_a_wider_one_is_refused_rather_than_cut_short() {
        Payment template = paid(acme, "1.00", new PaymentOutcome.Succeeded("pi_t"), false);
        for (int i = 1; i < PaymentHistoryQuery.MAX_EXPORT_ROWS; i++) {
            store(template, i);
        }
        assertEquals(PaymentHistoryQuery.MAX_EXPORT_ROWS, history.export(PaymentCriteria.all()).size());

        store(template, PaymentHistoryQuery.MAX_EXPORT_ROWS);

        assertRefused("export_too_large", null, () -> history.export(PaymentCriteria.all()));
    }

    private void store(Payment template, int n) {
        desk.payments.add(Payment.restore(desk.payments.nextId(), template.customerId(), template.method(),
                template.channel(), template.plan(), null, PaymentStatus.SUCCEEDED, "pi_" + n, null,
                template.createdAt(), template.updatedAt(), 0));
    }

    @Test
    void an_unknown_payment_has_no_history() {
        assertThrows(NotFoundException.class, () -> history.history(new PaymentId(404)));
    }

    private static List<PaymentId> ids(Page<PaymentSummary> page) {
        return page.items().stream().map(summary -> summary.payment().id()).toList();
    }
}
