package org.paydesk.adapters.processor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.shared.DomainException;

/** One log line per charge, naming the payment, the scenario and the outcome; never a card or account number. */
class SandboxLoggingTest {

    private final Sandbox sandbox = new Sandbox();

    @Test
    void each_charge_logs_one_line_with_payment_scenario_and_outcome() {
        try (LogCapture log = new LogCapture()) {
            PaymentOutcome outcome = sandbox.processor.charge(Sandbox.request(Sandbox.newKey(), 4321, "10.00",
                    PaymentMethodType.CARD, sandbox.cardToken("4000000000009995")));

            List<String> lines = log.linesContaining("payment 4321");
            assertEquals(1, lines.size(), lines::toString);
            String line = lines.get(0);
            assertTrue(line.contains("scenario chargeDeclinedInsufficientFunds"), line);
            assertTrue(line.contains("declined card_declined/insufficient_funds"), line);
            assertTrue(line.contains(outcome.processorReference()), line);
        }
    }

    @Test
    void a_replay_and_a_refusal_are_logged_as_such() {
        try (LogCapture log = new LogCapture()) {
            var request = Sandbox.request(Sandbox.newKey(), 55, "10.00", PaymentMethodType.CARD, "pm_card_visa");
            sandbox.processor.charge(request);
            sandbox.processor.charge(request);
            sandbox.processor.charge(Sandbox.request(Sandbox.newKey(), 56, "0.10", PaymentMethodType.CARD,
                    "pm_card_visa"));

            assertEquals(1, log.linesContaining("payment 55, scenario visa, replayed succeeded").size(),
                    () -> log.lines().toString());
            assertEquals(1, log.linesContaining("payment 56, scenario -, refused amount_too_small").size(),
                    () -> log.lines().toString());
        }
    }

    @Test
    void nothing_logged_while_tokenizing_charging_and_settling_contains_a_number() {
        String[] cards = {"4242424242424242", "4000000000000002", "4111111111111111", "4242424242424241"};
        String[] accounts = {"000123456789", "000111111116", "000987654321"};
        try (LogCapture log = new LogCapture()) {
            for (String card : cards) {
                try {
                    sandbox.chargeCard(sandbox.cardToken(card));
                } catch (DomainException refused) {
                    // Refused numbers matter too: their refusal must not be logged with the number either.
                }
            }
            for (String account : accounts) {
                try {
                    sandbox.chargeAch(sandbox.achToken(account));
                } catch (DomainException refused) {
                    // as above
                }
            }
            sandbox.scheduler.runAll();
            assertThrows(DomainException.class,
                    () -> sandbox.processor.tokenizeCard(new CardDetails("4242424242424242", 1, 2001, "123")));
            assertThrows(DomainException.class, () -> sandbox.processor.tokenizeBankAccount(
                    new BankAccountDetails("110000000", "000123456789", null)));

            assertFalse(log.lines().isEmpty(), "the charges were logged");
            for (String line : log.lines()) {
                for (String number : cards) {
                    assertFalse(line.contains(number), line);
                }
                for (String number : accounts) {
                    assertFalse(line.contains(number), line);
                }
            }
        }
    }
}
