package org.paydesk.application.payment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.application.payment.PaymentDesk.explicit;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.allocate;
import static org.paydesk.domain.testdata.Payments.bankAccount;
import static org.paydesk.domain.testdata.Payments.card;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paydesk.application.payment.port.in.ReceiveProcessorEventUseCase.Receipt;
import org.paydesk.application.payment.port.out.InvalidProcessorEventException;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.port.out.ProcessorEvent;
import org.paydesk.application.payment.port.out.ProcessorEvent.Kind;
import org.paydesk.application.payment.port.in.RefundPaymentCommand;
import org.paydesk.application.payment.port.out.RefundOutcome;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.refund.RefundStatus;

/**
 * Webhooks: verified, applied once, and only as legal moves towards what the processor now says, so every order of the
 * events of one payment, repeats included, ends in the same state.
 */
class ProcessorEventServiceTest {

    private static final PaymentFailure RETURN = new PaymentFailure("debit_not_authorized", null,
            "The customer's bank returned the debit.");

    /** One desk per scenario: an ACH debit of 120.00 over two invoices (100.00), 20.00 to become credit. */
    private static final class Scenario {
        final PaymentDesk desk = new PaymentDesk();
        final Customer acme = desk.customer();
        final Receivable older = desk.invoice(acme, "60.00", LocalDate.of(2024, 1, 10));
        final Receivable newer = desk.invoice(acme, "40.00", LocalDate.of(2024, 2, 10));
        final Payment payment;

        Scenario() {
            desk.processor.answers(new PaymentOutcome.Processing("pi_ach"));
            payment = desk.receiving.receive(explicit(acme, usd("120.00"), bankAccount(),
                    List.of(allocate(older.id().value(), "60.00"), allocate(newer.id().value(), "40.00"))));
        }

        void processorSays(ProcessorCharge.State state) {
            desk.processor.nowSays(payment.id(), new ProcessorCharge("pi_ach", null, usd("120.00"), "x", state,
                    state == ProcessorCharge.State.RETURNED ? RETURN : null, false));
        }

        Receipt deliver(String id, String type, Kind kind) {
            return desk.deliver(new ProcessorEvent(id, type, kind, "pi_ach", payment.id().value(), null, null));
        }

        Payment stored() {
            return desk.stored(payment);
        }

        /** Balances and credit, to compare end states. */
        List<Object> books() {
            return List.of(stored().status(), desk.balanceOf(older), desk.balanceOf(newer), desk.creditOf(acme));
        }
    }

    private static final List<String[]> ACH_RETURN_EVENTS = List.of(
            new String[] {"evt_1", "payment_intent.processing"},
            new String[] {"evt_2", "payment_intent.succeeded"},
            new String[] {"evt_3", "charge.failed"},
            new String[] {"evt_4", "payment_intent.payment_failed"});

    /** Every order of the four events of an ACH debit that settled and was returned, each with one repeat. */
    static List<List<String[]>> orderings() {
        List<List<String[]>> all = new ArrayList<>();
        permute(new ArrayList<>(ACH_RETURN_EVENTS), 0, all);
        List<List<String[]>> withRepeats = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            List<String[]> order = new ArrayList<>(all.get(i));
            order.add(i % order.size(), order.get((i + 1) % order.size()));
            withRepeats.add(order);
        }
        return withRepeats;
    }

    private static void permute(List<String[]> events, int from, List<List<String[]>> into) {
        if (from == events.size()) {
            into.add(List.copyOf(events));
            return;
        }
        for (int i = from; i < events.size(); i++) {
            java.util.Collections.swap(events, from, i);
            permute(events, from + 1, into);
            java.util.Collections.swap(events, from, i);
        }
    }

    @ParameterizedTest
    @MethodSource("orderings")
    void every_order_of_a_returned_debits_events_ends_returned_with_its_money_taken_back(List<String[]> order) {
        Scenario scenario = new Scenario();
        scenario.processorSays(ProcessorCharge.State.RETURNED);

        for (String[] event : order) {
            scenario.deliver(event[0], event[1], Kind.PAYMENT_CHANGED);
        }

        assertEquals(List.of(PaymentStatus.RETURNED, usd("60.00"), usd("40.00"), usd("0.00")), scenario.books());
        assertEquals(1, scenario.desk.audit.actions().stream().filter("payment.returned"::equals).count());
        assertEquals(4, scenario.desk.eventLog.outcomes().size());
    }

    @Test
    void a_settled_debit_ends_succeeded_whichever_event_comes_first_and_repeats_change_nothing() {
        Scenario first = new Scenario();
        first.processorSays(ProcessorCharge.State.SUCCEEDED);
        Scenario second = new Scenario();
        second.processorSays(ProcessorCharge.State.SUCCEEDED);

        assertEquals(Receipt.APPLIED, first.deliver("evt_p", "payment_intent.processing", Kind.PAYMENT_CHANGED));
        assertEquals(Receipt.APPLIED, first.deliver("evt_s", "payment_intent.succeeded", Kind.PAYMENT_CHANGED));
        assertEquals(Receipt.DUPLICATE, first.deliver("evt_s", "payment_intent.succeeded", Kind.PAYMENT_CHANGED));
        second.deliver("evt_s", "payment_intent.succeeded", Kind.PAYMENT_CHANGED);
        second.deliver("evt_p", "payment_intent.processing", Kind.PAYMENT_CHANGED);

        assertEquals(List.of(PaymentStatus.SUCCEEDED, usd("0.00"), usd("0.00"), usd("20.00")), first.books());
        assertEquals(first.books(), second.books());
    }

    @Test
    void a_late_failure_cannot_undo_a_success() {
        Scenario scenario = new Scenario();
        scenario.processorSays(ProcessorCharge.State.SUCCEEDED);
        scenario.deliver("evt_s", "payment_intent.succeeded", Kind.PAYMENT_CHANGED);
        // A card-style failure for the same charge: the processor still says it succeeded.
        scenario.deliver("evt_f", "payment_intent.payment_failed", Kind.PAYMENT_CHANGED);

        assertEquals(PaymentStatus.SUCCEEDED, scenario.stored().status());
        assertEquals(usd("20.00"), scenario.desk.creditOf(scenario.acme));
    }

    @Test
    void a_failed_debit_releases_its_invoices() {
        Scenario scenario = new Scenario();
        scenario.processorSays(ProcessorCharge.State.FAILED);

        scenario.deliver("evt_f", "payment_intent.payment_failed", Kind.PAYMENT_CHANGED);

        assertEquals(List.of(PaymentStatus.FAILED, usd("60.00"), usd("40.00"), usd("0.00")), scenario.books());
    }

    @Test
    void a_bad_signature_changes_nothing_and_records_nothing() {
        Scenario scenario = new Scenario();
        scenario.processorSays(ProcessorCharge.State.SUCCEEDED);
        String payload = scenario.desk.eventReader.payloadOf(new ProcessorEvent("evt_x",
                "payment_intent.succeeded", Kind.PAYMENT_CHANGED, "pi_ach", null, null, null));

        assertThrows(InvalidProcessorEventException.class, () -> scenario.desk.webhooks.receive(payload, "v1=forged"));
        assertThrows(InvalidProcessorEventException.class, () -> scenario.desk.webhooks.receive(payload, null));

        assertEquals(PaymentStatus.PROCESSING, scenario.stored().status());
        assertTrue(scenario.desk.eventLog.outcomes().isEmpty());
    }

    @Test
    void when_the_processor_cannot_be_asked_the_event_is_not_recorded_so_its_redelivery_applies_it() {
        Scenario scenario = new Scenario();
        scenario.processorSays(ProcessorCharge.State.SUCCEEDED);
        scenario.desk.processor.unreachable(new IllegalStateException("connect timed out"));

        assertThrows(IllegalStateException.class,
                () -> scenario.deliver("evt_s", "payment_intent.succeeded", Kind.PAYMENT_CHANGED));
        assertFalse(scenario.desk.eventLog.contains("evt_s"));
        scenario.desk.processor.unreachable(null);

        assertEquals(Receipt.APPLIED, scenario.deliver("evt_s", "payment_intent.succeeded", Kind.PAYMENT_CHANGED));
        assertEquals(PaymentStatus.SUCCEEDED, scenario.stored().status());
    }

    @Test
    void a_dispute_is_recorded_on_a_payment_that_went_through() {
        PaymentDesk desk = new PaymentDesk();
        Customer acme = desk.customer();
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_card"));
        Payment payment = desk.receiving.receive(PaymentDesk.oldestFirst(acme, usd("50.00"), card()));
        desk.processor.nowSays(payment.id(), new ProcessorCharge("pi_card", null, usd("50.00"), "succeeded",
                ProcessorCharge.State.SUCCEEDED, null, true));

        Receipt receipt = desk.deliver(new ProcessorEvent("evt_d", "charge.dispute.created", Kind.DISPUTE_OPENED,
                "pi_card", null, null, null));

        assertEquals(Receipt.APPLIED, receipt);
        assertEquals(PaymentStatus.DISPUTED, desk.stored(payment).status());
        assertTrue(desk.audit.actions().contains("payment.disputed"));
    }

    @Test
    void a_charge_whose_answer_was_lost_is_found_by_the_payment_id_in_its_metadata() {
        PaymentDesk desk = new PaymentDesk();
        Customer acme = desk.customer();
        desk.processor.loses(new IllegalStateException("read timed out"));
        Payment payment = desk.receiveLosingTheAnswer(PaymentDesk.oldestFirst(acme, usd("50.00"), card()));
        assertEquals(PaymentStatus.UNKNOWN, payment.status());
        desk.processor.nowSays(payment.id(), new ProcessorCharge("pi_lost", "paydesk-attempt-1", usd("50.00"),
                "succeeded"));

        desk.deliver(new ProcessorEvent("evt_s", "payment_intent.succeeded", Kind.PAYMENT_CHANGED, "pi_lost",
                payment.id().value(), null, null));

        assertEquals(PaymentStatus.SUCCEEDED, desk.stored(payment).status());
        assertEquals("pi_lost", desk.stored(payment).processorReference());
        assertTrue(desk.followUps.all().isEmpty());
    }

    @Test
    void a_refund_event_follows_the_payments_unfinished_refunds() {
        PaymentDesk desk = new PaymentDesk();
        Customer acme = desk.customer();
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_card"));
        Payment payment = desk.receiving.receive(PaymentDesk.oldestFirst(acme, usd("50.00"), card()));
        desk.refundProcessor.answers(new RefundOutcome.Pending("re_1"));
        var refund = desk.refunding.refund(new RefundPaymentCommand(payment.id(), null, null, null,
                PaymentDesk.CASHIER));
        desk.refundProcessor.settle(new RefundOutcome.Succeeded("re_1"));

        Receipt receipt = desk.deliver(new ProcessorEvent("evt_r", "charge.refunded", Kind.REFUND_CHANGED,
                "pi_card", null, null, null));

        assertEquals(Receipt.APPLIED, receipt);
        assertEquals(RefundStatus.SUCCEEDED, desk.refunds.find(refund.id()).orElseThrow().status());
        assertEquals(PaymentStatus.REFUNDED, desk.stored(payment).status());
    }

    @Test
    void events_about_other_things_are_recorded_and_ignored() {
        PaymentDesk desk = new PaymentDesk();

        Receipt other = desk.deliver(new ProcessorEvent("evt_o", "customer.created", Kind.OTHER, null, null, null,
                null));
        Receipt stranger = desk.deliver(new ProcessorEvent("evt_z", "payment_intent.succeeded", Kind.PAYMENT_CHANGED,
                "pi_someone_elses", null, null, null));

        assertAll(
                () -> assertEquals(Receipt.IGNORED, other),
                () -> assertEquals(Receipt.IGNORED, stranger),
                () -> assertEquals(Receipt.DUPLICATE, desk.deliver(new ProcessorEvent("evt_o", "customer.created",
                        Kind.OTHER, null, null, null, null))),
                () -> assertTrue(desk.eventLog.outcomes().get("evt_z").contains("no payment")));
    }
}
