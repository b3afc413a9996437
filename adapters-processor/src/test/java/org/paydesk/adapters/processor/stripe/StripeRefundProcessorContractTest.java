package org.paydesk.adapters.processor.stripe;

import org.junit.jupiter.api.AfterAll;
import org.paydesk.adapters.processor.RefundProcessorContract;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.payment.port.out.RefundProcessor;
import org.paydesk.stripefake.StripeFake;

/** The Stripe adapter keeps the contract every refund processor keeps. */
class StripeRefundProcessorContractTest extends RefundProcessorContract {

    private static final StripeFake FAKE = StripeFake.start(0);
    private static final StripePaymentProcessor STRIPE = FakeStripe.processor(FAKE);

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @Override
    protected PaymentProcessor processor() {
        return STRIPE;
    }

    @Override
    protected RefundProcessor refunds() {
        return STRIPE;
    }
}
