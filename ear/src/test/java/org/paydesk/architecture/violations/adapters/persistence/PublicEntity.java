package org.paydesk.architecture.violations.adapters.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A public entity, on purpose. */
@Entity
public class PublicEntity {
    @Id
    long id;
}
