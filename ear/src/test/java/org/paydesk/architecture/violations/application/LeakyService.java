package org.paydesk.architecture.violations.application;

import jakarta.persistence.EntityManager;

/** An application service that knows JPA, on purpose. */
public class LeakyService {
    public EntityManager em;
}
