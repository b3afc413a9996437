package org.paydesk.adapters.rest.payment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.adapters.rest.shared.PaymentMethodTypes;
import org.paydesk.application.payment.port.in.PaymentCriteria;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.shared.DomainException;

/**
 * The payment history's query parameters, read the same way for the list and the CSV export. Every bad value is
 * reported at once under its parameter name (400), with the paging parameters when the caller read them first into
 * the same {@link Fields}. Names of statuses, methods and channels are taken in either case.
 *
 * @param noneCanMatch a customer id that cannot exist (zero or less): the answer is empty, as for an unknown one
 */
record PaymentFilters(PaymentCriteria criteria, boolean noneCanMatch) {

    static PaymentFilters read(String customerId, String from, String to, String status, String method,
            String channel, Fields fields) {
        Long customer = whole("customerId", customerId, fields);
        LocalDate first = blank(from) ? null : fields.date("from", from.trim());
        LocalDate last = blank(to) ? null : fields.date("to", to.trim());
        PaymentStatus wantedStatus = named("status", status, PaymentStatus.values(), fields);
        PaymentChannel wantedChannel = named("channel", channel, PaymentChannel.values(), fields);
        PaymentMethodType wantedMethod = null;
        if (!blank(method)) {
            try {
                wantedMethod = PaymentMethodTypes.fromJson(method.trim().toLowerCase(Locale.ROOT));
            } catch (DomainException unknown) {
                fields.add("method", "invalid_payment_method_type",
                        "method must be one of card, ach, apple_pay, google_pay");
            }
        }
        fields.throwIfAny();
        return new PaymentFilters(new PaymentCriteria(customer == null || customer <= 0 ? null
                : new CustomerId(customer), first, last, wantedStatus, wantedMethod, wantedChannel),
                customer != null && customer <= 0);
    }

    /** The page asked for ({@code page}, {@code size}: whole numbers already read with {@link #whole}). */
    static PageRequest paging(Long page, Long size) {
        return PageRequest.of(page == null ? null : clamp(page), size == null ? null : clamp(size));
    }

    private static int clamp(long value) {
        // Out-of-range values stay out of range, so PageRequest names them; they never wrap around.
        return (int) Math.max(Math.min(value, Integer.MAX_VALUE), -1);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static Long whole(String field, String value, Fields fields) {
        if (blank(value)) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            fields.add(field, field.equals("page") ? "invalid_page" : field.equals("size") ? "invalid_page_size"
                    : "invalid_request", field + " must be a whole number");
            return null;
        }
    }

    private static <E extends Enum<E>> E named(String field, String value, E[] values, Fields fields) {
        if (blank(value)) {
            return null;
        }
        for (E candidate : values) {
            if (candidate.name().equalsIgnoreCase(value.trim())) {
                return candidate;
            }
        }
        fields.add(field, "invalid_request", field + " must be one of "
                + String.join(", ", Arrays.stream(values).map(Enum::name).toList()));
        return null;
    }
}
