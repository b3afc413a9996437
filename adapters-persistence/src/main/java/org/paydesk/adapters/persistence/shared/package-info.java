/**
 * What every area's repository shares: the Instant column converter, sequence ids handed out before an object is
 * added, the version check that turns a stale update into {@code concurrent_update}, and column-size helpers.
 */
package org.paydesk.adapters.persistence.shared;
