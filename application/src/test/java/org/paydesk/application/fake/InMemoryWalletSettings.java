package org.paydesk.application.fake;

import java.util.EnumSet;
import java.util.Set;
import org.paydesk.application.cart.port.out.WalletSettings;
import org.paydesk.domain.payment.PaymentMethodType;

/** The merchant's wallet choice, both wallets enabled until a test changes it. */
public final class InMemoryWalletSettings implements WalletSettings {

    private Set<PaymentMethodType> enabled = EnumSet.of(PaymentMethodType.APPLE_PAY, PaymentMethodType.GOOGLE_PAY);

    @Override
    public Set<PaymentMethodType> enabledWallets() {
        return Set.copyOf(enabled);
    }

    @Override
    public void enableWallets(Set<PaymentMethodType> wallets) {
        enabled = wallets.isEmpty() ? EnumSet.noneOf(PaymentMethodType.class) : EnumSet.copyOf(wallets);
    }
}
