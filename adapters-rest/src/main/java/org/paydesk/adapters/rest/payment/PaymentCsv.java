package org.paydesk.adapters.rest.payment;

import java.util.List;
import org.paydesk.application.payment.port.in.PaymentSummary;
import org.paydesk.domain.payment.Payment;

/**
 * The payment history as CSV (RFC 4180): a header row, one row per payment, fields separated by commas, lines ended
 * by CRLF; a field holding a comma, a double quote, CR or LF is enclosed in double quotes, a double quote inside it
 * doubled. Amounts are plain decimals at the currency's scale ({@code 125.50}), the currency in its own column;
 * instants in ISO 8601 UTC. No card data and no method tokens.
 */
final class PaymentCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final List<String> COLUMNS = List.of("id", "createdAt", "customerId", "status", "method", "channel",
            "amount", "currency", "refunded", "fee", "net", "processorReference");

    private PaymentCsv() {
    }

    static String of(List<PaymentSummary> rows) {
        StringBuilder csv = new StringBuilder(64 + rows.size() * 120);
        line(csv, COLUMNS);
        for (PaymentSummary row : rows) {
            PaymentSummaryJson json = PaymentSummaryJson.of(row);
            Payment payment = row.payment();
            line(csv, List.of(Long.toString(json.id()), json.createdAt(), Long.toString(json.customerId()),
                    json.status(), json.method(), json.channel(), json.amount().amount(),
                    payment.amount().currency().getCurrencyCode(), json.refunded().amount(), json.fee().amount(),
                    json.net().amount(), json.processorReference() == null ? "" : json.processorReference()));
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /** One field, quoted only when it must be. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
