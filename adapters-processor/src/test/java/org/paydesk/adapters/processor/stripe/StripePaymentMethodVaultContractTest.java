package org.paydesk.adapters.processor.stripe;

import org.junit.jupiter.api.AfterAll;
import org.paydesk.adapters.processor.PaymentMethodVaultContract;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodVault;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.stripefake.StripeFake;

/**
 * The Stripe adapter keeps the contract every vault keeps. Fresh methods are PaymentMethods created at the fake as
 * Stripe.js creates them in the browser.
 */
class StripePaymentMethodVaultContractTest extends PaymentMethodVaultContract {

    private static final StripeFake FAKE = StripeFake.start(0);
    private static final StripePaymentProcessor VAULT = FakeStripe.processor(FAKE);

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @Override
    protected PaymentMethodVault vault() {
        return VAULT;
    }

    @Override
    protected PaymentMethod aFreshVisa(int expMonth, int expYear) {
        return new PaymentMethod(PaymentMethodType.CARD, FakeStripe.card(FAKE, "4242424242424242", expMonth, expYear));
    }

    @Override
    protected PaymentMethod aFreshBankAccount() {
        return new PaymentMethod(PaymentMethodType.ACH, FakeStripe.bankAccount(FAKE, "000123456789"));
    }
}
