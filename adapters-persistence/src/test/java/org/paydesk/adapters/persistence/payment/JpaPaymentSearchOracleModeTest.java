package org.paydesk.adapters.persistence.payment;

import org.paydesk.adapters.persistence.testing.TestDatabase;

/** The same search on H2 imitating Oracle. */
class JpaPaymentSearchOracleModeTest extends JpaPaymentSearchTest {

    @Override
    TestDatabase database() {
        TestDatabase db = TestDatabase.h2InOracleMode();
        db.migrate();
        return db;
    }
}
