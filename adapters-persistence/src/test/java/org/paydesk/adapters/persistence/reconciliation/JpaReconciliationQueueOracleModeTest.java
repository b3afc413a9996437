package org.paydesk.adapters.persistence.reconciliation;

import org.paydesk.adapters.persistence.testing.TestDatabase;

/** The same queue tests on H2 imitating Oracle. */
class JpaReconciliationQueueOracleModeTest extends JpaReconciliationQueueTest {

    @Override
    TestDatabase database() {
        return TestDatabase.h2InOracleMode();
    }
}
