package org.paydesk.application.payment.port.out;

import org.paydesk.domain.payment.FeeSchedule;

/**
 * The processing fee schedule in force, as configured ({@code paydesk.fees.*}); {@link FeeSchedule#standard()} for
 * whatever is not configured.
 */
public interface FeeSettings {

    FeeSchedule schedule();
}
