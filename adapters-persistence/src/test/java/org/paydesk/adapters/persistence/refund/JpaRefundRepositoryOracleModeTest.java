package org.paydesk.adapters.persistence.refund;

import org.paydesk.adapters.persistence.testing.TestDatabase;

/** The same refund tests on H2 imitating Oracle, where an empty text is stored as NULL. */
class JpaRefundRepositoryOracleModeTest extends JpaRefundRepositoryTest {

    @Override
    TestDatabase database() {
        return TestDatabase.h2InOracleMode();
    }
}
