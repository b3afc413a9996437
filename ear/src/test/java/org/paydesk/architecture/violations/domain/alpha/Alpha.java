package org.paydesk.architecture.violations.domain.alpha;

import org.paydesk.architecture.violations.domain.beta.Beta;

/** Depends on beta, which depends back on alpha. */
public class Alpha {
    public Beta beta;
}
