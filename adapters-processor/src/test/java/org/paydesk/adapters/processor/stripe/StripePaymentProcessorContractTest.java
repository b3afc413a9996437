package org.paydesk.adapters.processor.stripe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.paydesk.adapters.processor.PaymentProcessorContract;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.stripefake.StripeFake;

/** The Stripe adapter, through stripe-java against the local Stripe fake, keeps the contract every processor keeps. */
class StripePaymentProcessorContractTest extends PaymentProcessorContract {

    private static final StripeFake FAKE = StripeFake.start(0);
    private static final StripePaymentProcessor PROCESSOR = FakeStripe.processor(FAKE);

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @Override
    protected PaymentProcessor processor() {
        return PROCESSOR;
    }

    @Override
    protected void settleAch(String processorReference) {
        assertTrue(FAKE.settle(processorReference), () -> processorReference + " was not waiting to settle");
    }
}
