package org.paydesk.application.paymentmethod.port.in;

/**
 * US bank account details typed into a tokenization form. Lives only in memory on its way to the tokenizer;
 * {@link #toString} shows the last four digits only.
 */
public record BankAccountDetails(String routingNumber, String accountNumber, String holderName) {

    @Override
    public String toString() {
        String digits = accountNumber == null ? "" : accountNumber;
        return "BankAccountDetails[" + routingNumber + ", ****"
                + (digits.length() >= 4 ? digits.substring(digits.length() - 4) : "") + "]";
    }
}
