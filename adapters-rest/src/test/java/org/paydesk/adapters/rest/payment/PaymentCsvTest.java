package org.paydesk.adapters.rest.payment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.application.payment.port.in.PaymentSummary;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.AllocationPlan;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.shared.Money;

class PaymentCsvTest {

    private static final Instant AT = Instant.parse("2026-11-29T10:15:30Z");

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBeAndQuotesAreDoubled() {
        assertAll(
                () -> assertEquals("pi_123", PaymentCsv.field("pi_123")),
                () -> assertEquals("", PaymentCsv.field("")),
                () -> assertEquals("\"a,b\"", PaymentCsv.field("a,b")),
                () -> assertEquals("\"say \"\"hi\"\"\"", PaymentCsv.field("say \"hi\"")),
                () -> assertEquals("\"two\r\nlines\"", PaymentCsv.field("two\r\nlines")),
                () -> assertEquals("\"line\nfeed\"", PaymentCsv.field("line\nfeed")));
    }

    @Test
    void aHeaderThenOneCrlfEndedRowPerPaymentWithoutTheMethodToken() {
        Money amount = Money.ofMinor(12_550, "USD");
        Payment payment = Payment.restore(new PaymentId(42), new CustomerId(7),
                new PaymentMethod(PaymentMethodType.APPLE_PAY, "pm_secret_token"), PaymentChannel.ECOMMERCE,
                new AllocationPlan(amount, List.of(), amount), null, PaymentStatus.PARTIALLY_REFUNDED, "pi_1,x", null,
                Money.ofMinor(1_000, "USD"), AT, AT, 3);

        String csv = PaymentCsv.of(List.of(new PaymentSummary(payment, Money.ofMinor(389, "USD"),
                Money.ofMinor(12_161, "USD"))));

        assertEquals("id,createdAt,customerId,status,method,channel,amount,currency,refunded,fee,net,"
                + "processorReference\r\n"
                + "42,2026-11-29T10:15:30Z,7,PARTIALLY_REFUNDED,apple_pay,ECOMMERCE,125.50,USD,10.00,3.89,121.61,"
                + "\"pi_1,x\"\r\n", csv);
    }

    @Test
    void filtersTakeNamesInEitherCaseAndReportEveryBadValueUnderItsName() {
        PaymentFilters filters = PaymentFilters.read("7", "2026-11-01", "2026-11-30", "succeeded", "APPLE_PAY",
                "accounts_receivable", new Fields());
        Fields fields = new Fields();
        PaymentFilters.whole("size", "ten", fields);
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> PaymentFilters.read("x", "2026-13-01", null, "LOST", "cash", "fax", fields));

        assertAll(
                () -> assertEquals(new CustomerId(7), filters.criteria().customerId()),
                () -> assertEquals(LocalDate.of(2026, 11, 30), filters.criteria().to()),
                () -> assertEquals(PaymentStatus.SUCCEEDED, filters.criteria().status()),
                () -> assertEquals(PaymentMethodType.APPLE_PAY, filters.criteria().method()),
                () -> assertEquals(PaymentChannel.ACCOUNTS_RECEIVABLE, filters.criteria().channel()),
                () -> assertEquals(List.of("size", "customerId", "from", "status", "channel", "method"),
                        refused.violations().stream().map(v -> v.field()).toList()),
                () -> assertEquals(List.of("invalid_page_size", "invalid_request", "invalid_date", "invalid_request",
                        "invalid_request", "invalid_payment_method_type"),
                        refused.violations().stream().map(v -> v.code()).toList()));
    }
}
