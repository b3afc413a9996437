package org.paydesk.adapters.processor.sandbox;

import static org.paydesk.adapters.processor.sandbox.Behaviour.settles;
import static org.paydesk.adapters.processor.sandbox.Behaviour.settlesFailing;
import static org.paydesk.adapters.processor.sandbox.Behaviour.staysProcessing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.paydesk.domain.payment.PaymentMethodType;

/**
 * Stripe's published ACH Direct Debit test accounts (routing {@value #ROUTING_NUMBER}, docs.stripe.com ACH "Test
 * account numbers") that the sandbox simulates. Every debit is accepted as processing; how it settles depends on the
 * account. Failures carry the charge's failure code as Stripe reports it ({@code account_closed}, {@code no_account}
 * ...). Accounts that simulate microdeposit failures, disputes, Radar blocks or volume limits are not simulated, so
 * they are refused at tokenization like any other number.
 */
enum StripeTestBankAccount implements StripeTestInstrument {

    SUCCESS("000123456789", "achSuccess", settles(), "pm_usBankAccount_success"),
    ACCOUNT_CLOSED("000111111113", "achAccountClosed",
            settlesFailing("account_closed", "The customer's bank account has been closed."),
            "pm_usBankAccount_accountClosed"),
    NO_ACCOUNT("000111111116", "achNoAccount",
            settlesFailing("no_account", "The customer's bank account could not be located."),
            "pm_usBankAccount_noAccount"),
    INSUFFICIENT_FUNDS("000222222227", "achInsufficientFunds",
            settlesFailing("insufficient_funds",
                    "The customer's account has insufficient funds to cover this payment."),
            "pm_usBankAccount_insufficientFunds"),
    DEBIT_NOT_AUTHORIZED("000333333335", "achDebitNotAuthorized",
            settlesFailing("debit_not_authorized",
                    "The customer has notified their bank that this payment was unauthorized."),
            "pm_usBankAccount_debitNotAuthorized"),
    INVALID_CURRENCY("000444444440", "achInvalidCurrency",
            settlesFailing("invalid_currency", "The bank was unable to process this payment because of its currency."),
            "pm_usBankAccount_invalidCurrency"),
    /** Stays processing for ever; Stripe offers it for testing cancellation. */
    PROCESSING("000000000009", "achProcessing", staysProcessing(), "pm_usBankAccount_processing");

    /** The only routing number Stripe's test bank accounts use. */
    static final String ROUTING_NUMBER = "110000000";

    /** The bank name Stripe reports for its test routing number. */
    static final String BANK_NAME = "STRIPE TEST BANK";

    private static final Map<String, StripeTestBankAccount> BY_NUMBER = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(account -> account.accountNumber, Function.identity()));

    private final String accountNumber;
    private final String slug;
    private final Behaviour behaviour;
    private final List<String> stripeIds;

    StripeTestBankAccount(String accountNumber, String slug, Behaviour behaviour, String... stripeIds) {
        this.accountNumber = accountNumber;
        this.slug = slug;
        this.behaviour = behaviour;
        this.stripeIds = List.of(stripeIds);
    }

    static Optional<StripeTestBankAccount> withNumber(String digits) {
        return Optional.ofNullable(BY_NUMBER.get(digits));
    }

    String last4() {
        return accountNumber.substring(accountNumber.length() - 4);
    }

    String accountNumber() {
        return accountNumber;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public List<String> stripeIds() {
        return stripeIds;
    }

    @Override
    public Behaviour behaviour() {
        return behaviour;
    }

    @Override
    public boolean canPayAs(PaymentMethodType type) {
        return type == PaymentMethodType.ACH;
    }
}
