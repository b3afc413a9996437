package org.paydesk.adapters.processor.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.paydesk.adapters.processor.RefundProcessorContract;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.payment.port.out.RefundProcessor;

/** The sandbox keeps the contract every refund processor keeps. */
class SandboxRefundProcessorContractTest extends RefundProcessorContract {

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = new Sandbox();
    }

    @Override
    protected PaymentProcessor processor() {
        return sandbox.processor;
    }

    @Override
    protected RefundProcessor refunds() {
        return sandbox.processor;
    }
}
