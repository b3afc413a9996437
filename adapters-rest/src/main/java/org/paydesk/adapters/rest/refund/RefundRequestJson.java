package org.paydesk.adapters.rest.refund;

import org.paydesk.adapters.rest.shared.MoneyJson;

/**
 * A refund asked for: how much (everything left when omitted) and why (kept in the audit trail).
 */
public record RefundRequestJson(MoneyJson amount, String reason) {
}
