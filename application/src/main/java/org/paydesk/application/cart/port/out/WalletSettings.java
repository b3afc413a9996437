package org.paydesk.application.cart.port.out;

import java.util.Set;
import org.paydesk.domain.payment.PaymentMethodType;

/** The merchant's choice of wallets (Apple Pay, Google Pay) to offer at checkout, beside card and ACH. */
public interface WalletSettings {

    /** The wallets the merchant enabled: as last saved, else as configured ({@code paydesk.checkout.wallets}). */
    Set<PaymentMethodType> enabledWallets();

    void enableWallets(Set<PaymentMethodType> wallets);
}
