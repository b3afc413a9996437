/** Receivables: open invoices, and the rule that applied money never takes a balance below zero. */
package org.paydesk.domain.receivable;
