package org.paydesk.application.payment.port.in;

import org.paydesk.domain.payment.AllocationPlan;

/** Shows how a payment would be applied, without charging or changing anything. */
public interface PreviewAllocationUseCase {

    AllocationPlan preview(AllocationInstruction instruction);
}
