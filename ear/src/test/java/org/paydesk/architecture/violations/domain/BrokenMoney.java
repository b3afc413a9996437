package org.paydesk.architecture.violations.domain;

import java.time.Instant;

/** Breaks the domain rules on purpose: framework import, hidden clock, floating-point money. */
public class BrokenMoney {

    public double amount;

    public Instant stamp() {
        return Instant.now();
    }

    public Object lookup() throws javax.naming.NamingException {
        return new javax.naming.InitialContext().lookup("java:comp/env");
    }
}
