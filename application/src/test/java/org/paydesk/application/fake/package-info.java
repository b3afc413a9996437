/**
 * Hand-written, stateful in-memory implementations of the application's driven ports, for unit tests of the
 * services. They behave like the real adapters where it matters to the services: reads return copies (so a change
 * that is never written back is lost, as with a database), updates check versions (optimistic locking), unique keys
 * are refused twice, and the processor fake answers only what a test scripted.
 */
package org.paydesk.application.fake;
