package org.paydesk.application.paymentmethod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;
import org.paydesk.application.paymentmethod.port.out.PaymentDetailsTokenizer;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.shared.DomainException;

class TokenizationServiceTest {

    private static final TokenizedPaymentMethod VISA = new TokenizedPaymentMethod("pm_card_visa", PaymentMethodType.CARD,
            "visa", "4242", 12, 2034, null);
    private static final TokenizedPaymentMethod BANK = new TokenizedPaymentMethod("pm_usBankAccount_success",
            PaymentMethodType.ACH, null, "6789", null, null, "STRIPE TEST BANK");

    private final List<Object> received = new ArrayList<>();
    private final PaymentDetailsTokenizer tokenizer = new PaymentDetailsTokenizer() {
        @Override
        public TokenizedPaymentMethod tokenizeCard(CardDetails card) {
            received.add(card);
            if (!card.number().startsWith("4242")) {
                throw new DomainException("not_a_test_card", "number", "only test cards");
            }
            return VISA;
        }

        @Override
        public TokenizedPaymentMethod tokenizeBankAccount(BankAccountDetails account) {
            received.add(account);
            return BANK;
        }
    };
    private final TokenizationService service = new TokenizationService(tokenizer);

    @Test
    void card_details_go_to_the_tokenizer_and_its_token_comes_back() {
        CardDetails card = new CardDetails("4242424242424242", 12, 2034, "123");

        assertSame(VISA, service.tokenizeCard(card));
        assertEquals(List.of(card), received);
    }

    @Test
    void bank_details_go_to_the_tokenizer_and_its_token_comes_back() {
        BankAccountDetails account = new BankAccountDetails("110000000", "000123456789", "Acme Hardware");

        assertSame(BANK, service.tokenizeBankAccount(account));
        assertEquals(List.of(account), received);
    }

    @Test
    void a_refusal_of_the_tokenizer_reaches_the_caller_unchanged() {
        assertRefused("not_a_test_card", "number",
                () -> service.tokenizeCard(new CardDetails("5555555555554444", 1, 2030, "123")));
    }

    @Test
    void details_never_print_more_than_the_last_four_digits() {
        String card = new CardDetails("4242 4242 4242 4242", 12, 2034, "987").toString();
        String account = new BankAccountDetails("110000000", "000123456789", "Acme").toString();

        assertEquals("CardDetails[****4242, 12/2034]", card);
        assertFalse(card.contains("987"), card);
        assertEquals("BankAccountDetails[110000000, ****6789]", account);
    }
}
