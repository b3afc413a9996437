package org.paydesk.application.cart.port.in;

import java.util.List;
import org.paydesk.domain.payment.PaymentMethodType;

/**
 * How a cart can be paid: each method, and for card the wallets offered with it (those the merchant enabled and the
 * processor supports).
 */
public record PaymentOptions(List<Option> options) {

    public PaymentOptions {
        options = List.copyOf(options);
    }

    /** One way to pay, and the wallets offered when the buyer chooses it. */
    public record Option(PaymentMethodType type, List<PaymentMethodType> wallets) {

        public Option {
            wallets = List.copyOf(wallets);
        }
    }
}
