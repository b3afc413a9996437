/**
 * Payments: the state machine, how money is allocated to invoices (explicitly or oldest due first), and
 * the rule that allocated plus unapplied always equals the amount paid.
 */
package org.paydesk.domain.payment;
