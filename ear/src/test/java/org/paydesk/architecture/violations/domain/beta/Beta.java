package org.paydesk.architecture.violations.domain.beta;

import org.paydesk.architecture.violations.domain.alpha.Alpha;

/** Depends on alpha, which depends back on beta. */
public class Beta {
    public Alpha alpha;
}
