/**
 * Test data builders with sensible defaults (USD, open invoices, a card token), shipped in the domain's
 * test-jar so every module's tests build domain objects the same way: state only what the test is about.
 */
package org.paydesk.domain.testdata;
