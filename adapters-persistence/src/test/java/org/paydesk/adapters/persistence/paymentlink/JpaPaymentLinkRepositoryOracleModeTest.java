package org.paydesk.adapters.persistence.paymentlink;

import org.paydesk.adapters.persistence.testing.TestDatabase;

/** The same payment link tests on H2 imitating Oracle. */
class JpaPaymentLinkRepositoryOracleModeTest extends JpaPaymentLinkRepositoryTest {

    @Override
    TestDatabase database() {
        return TestDatabase.h2InOracleMode();
    }
}
