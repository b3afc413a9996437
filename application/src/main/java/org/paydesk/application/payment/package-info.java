/** Payment use cases: receiving, previewing, and recording what the processor says. */
package org.paydesk.application.payment;
