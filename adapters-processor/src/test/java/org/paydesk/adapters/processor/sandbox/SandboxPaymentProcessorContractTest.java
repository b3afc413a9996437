package org.paydesk.adapters.processor.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.paydesk.adapters.processor.PaymentProcessorContract;
import org.paydesk.application.payment.port.out.PaymentProcessor;

/** The sandbox keeps the contract every processor keeps. */
class SandboxPaymentProcessorContractTest extends PaymentProcessorContract {

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = new Sandbox();
    }

    @Override
    protected PaymentProcessor processor() {
        return sandbox.processor;
    }

    /** The settlement delay has passed: every scheduled settlement (and its report) runs. */
    @Override
    protected void settleAch(String processorReference) {
        assertTrue(sandbox.scheduler.runAll() > 0, "a settlement was scheduled");
    }
}
