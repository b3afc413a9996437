package org.paydesk.application.paymentmethod.port.in;

/**
 * Card details typed into a tokenization form. Lives only in memory on its way to the tokenizer; never stored,
 * logged or printed ({@link #toString} shows the last four digits only).
 */
public record CardDetails(String number, int expMonth, int expYear, String cvc) {

    @Override
    public String toString() {
        String digits = number == null ? "" : number.replaceAll("\\D", "");
        return "CardDetails[****" + (digits.length() >= 4 ? digits.substring(digits.length() - 4) : "") + ", "
                + expMonth + "/" + expYear + "]";
    }
}
