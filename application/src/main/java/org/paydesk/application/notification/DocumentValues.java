package org.paydesk.application.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A document (an invoice, a statement) that a notification carries as a PDF attachment, written into the
 * notification's values so the outbox stores it as text and the mail adapter renders the PDF at delivery time.
 * Only the values named here are read; a notification without {@link #ATTACHMENT} has no attachment.
 *
 * @param fileName the attachment's file name, ending in {@code .pdf}
 * @param title the document's heading ("Invoice INV-1001", "Statement")
 * @param customer who it is for, as printed
 * @param lines one per invoice
 * @param total the amount to pay, with its currency code ("125.50 USD")
 */
public record DocumentValues(String fileName, String title, String customer, List<Line> lines, String total) {

    /** Value: the attachment's file name; its presence asks for the PDF. */
    public static final String ATTACHMENT = "attachmentPdf";
    static final String TITLE = "documentTitle";
    static final String CUSTOMER = "documentCustomer";
    static final String LINES = "documentLines";
    static final String TOTAL = "documentTotal";

    /** One invoice as printed: amounts with their currency code. */
    public record Line(String number, String issueDate, String dueDate, String originalAmount, String openBalance) {

        public Line {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(issueDate, "issueDate");
            Objects.requireNonNull(dueDate, "dueDate");
            Objects.requireNonNull(originalAmount, "originalAmount");
            Objects.requireNonNull(openBalance, "openBalance");
        }
    }

    public DocumentValues {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(total, "total");
        lines = List.copyOf(lines);
    }

    /** The values to add to a notification. Tabs and line breaks inside a field are flattened to spaces. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ATTACHMENT, fileName);
        values.put(TITLE, title);
        values.put(CUSTOMER, customer);
        values.put(TOTAL, total);
        StringBuilder rows = new StringBuilder();
        for (Line line : lines) {
            if (rows.length() > 0) {
                rows.append('\n');
            }
            rows.append(String.join("\t", flat(line.number()), flat(line.issueDate()), flat(line.dueDate()),
                    flat(line.originalAmount()), flat(line.openBalance())));
        }
        values.put(LINES, rows.toString());
        return values;
    }

    /**
     * The document a notification's values describe, or {@code null} when they ask for no attachment.
     *
     * @throws IllegalArgumentException when they ask for one but a value is missing or malformed
     */
    public static DocumentValues from(Map<String, String> values) {
        String fileName = values.get(ATTACHMENT);
        if (fileName == null) {
            return null;
        }
        List<Line> lines = new ArrayList<>();
        String rows = require(values, LINES);
        for (String row : rows.isEmpty() ? new String[0] : rows.split("\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length != 5) {
                throw new IllegalArgumentException("the value " + LINES + " has a row without its five cells");
            }
            lines.add(new Line(cells[0], cells[1], cells[2], cells[3], cells[4]));
        }
        return new DocumentValues(fileName, require(values, TITLE), require(values, CUSTOMER), lines,
                require(values, TOTAL));
    }

    private static String require(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the notification asks for a PDF but has no value " + name);
        }
        return value;
    }

    private static String flat(String cell) {
        return cell.replaceAll("[\\t\\r\\n]+", " ");
    }
}
