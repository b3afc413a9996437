/**
 * The database schema: Flyway migrations from {@code db/migration}, run when the application starts so no request
 * ever meets an old schema, and a failed migration stops the deployment.
 */
package org.paydesk.adapters.persistence.schema;
