package org.paydesk.adapters.rest.paymentmethod;

/**
 * Body of {@code POST /sandbox/payment-methods}: test card or bank details to turn into a token, as Stripe.js does
 * in a browser. Only published test numbers are accepted; nothing of the body is stored or logged.
 */
public record SandboxTokenRequestJson(String type, Card card, BankAccount bankAccount) {

    /** A test card. */
    public record Card(String number, Integer expMonth, Integer expYear, String cvc) {

        @Override
        public String toString() {
            return "Card[redacted]";
        }
    }

    /** A test US bank account. */
    public record BankAccount(String routingNumber, String accountNumber, String holderName) {

        @Override
        public String toString() {
            return "BankAccount[redacted]";
        }
    }
}
