package org.paydesk.adapters.processor.sandbox;

import java.util.List;
import org.paydesk.domain.payment.PaymentMethodType;

/**
 * One of Stripe's published test cards or test bank accounts. Its {@link #slug()} is what a sandbox token carries,
 * so a token keeps working after a restart without the sandbox having stored it.
 */
sealed interface StripeTestInstrument permits StripeTestCard, StripeTestBankAccount {

    /** Letters and digits only, unique across all instruments; written into sandbox tokens. */
    String slug();

    /** Stripe's own test PaymentMethod ids for this instrument ({@code pm_card_visa} ...), possibly none. */
    List<String> stripeIds();

    Behaviour behaviour();

    /**
     * Whether a charge of this method type may use the instrument named by a plain (non-wallet) token; wallets are
     * cards underneath, but only a wallet token pays as a wallet (see {@link SandboxTokens.Read#canPayAs}).
     */
    boolean canPayAs(PaymentMethodType type);
}
