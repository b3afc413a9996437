/**
 * Driven adapter that stores Paydesk in a relational database through JPA (EclipseLink) and versions the schema
 * with Flyway. Each business area has its own package with package-private entities, a mapper between entity and
 * domain object (the domain objects are not JPA entities) and a public {@code Jpa...} CDI bean implementing the
 * application's port.
 */
package org.paydesk.adapters.persistence;
