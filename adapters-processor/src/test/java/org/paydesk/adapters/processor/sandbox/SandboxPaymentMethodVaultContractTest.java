package org.paydesk.adapters.processor.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.paydesk.adapters.processor.PaymentMethodVaultContract;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodVault;
import org.paydesk.domain.payment.PaymentMethod;

/** The sandbox keeps the contract every payment method vault keeps. */
class SandboxPaymentMethodVaultContractTest extends PaymentMethodVaultContract {

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = new Sandbox();
    }

    @Override
    protected PaymentMethodVault vault() {
        return sandbox.processor;
    }

    @Override
    protected PaymentMethod aFreshVisa(int expMonth, int expYear) {
        return asMethod(sandbox.processor.tokenizeCard(new CardDetails("4242424242424242", expMonth, expYear, "123")));
    }

    @Override
    protected PaymentMethod aFreshBankAccount() {
        return asMethod(sandbox.processor.tokenizeBankAccount(
                new BankAccountDetails("110000000", "000123456789", "Acme Hardware")));
    }

    private static PaymentMethod asMethod(TokenizedPaymentMethod tokenized) {
        return new PaymentMethod(tokenized.type(), tokenized.token());
    }
}
