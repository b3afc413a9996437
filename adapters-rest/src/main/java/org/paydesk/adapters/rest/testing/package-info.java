/** Test-only operations, refused outside test runs. */
package org.paydesk.adapters.rest.testing;
