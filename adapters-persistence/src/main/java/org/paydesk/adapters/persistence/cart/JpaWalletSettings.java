package org.paydesk.adapters.persistence.cart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.paydesk.adapters.persistence.shared.Columns;
import org.paydesk.application.cart.port.out.WalletSettings;
import org.paydesk.domain.payment.PaymentMethodType;

/**
 * The wallets offered at checkout, as the merchant last saved them in {@code merchant_setting} (row
 * {@value #SETTING}); until the merchant saves a choice, as configured in MicroProfile Config property
 * {@value #PROPERTY}: a comma-separated list of {@link PaymentMethodType} names, {@value #DEFAULT_WALLETS} when the
 * property is not set, none when it is set to an empty value.
 *
 * <p>The property is read through {@link Config#getConfigValue} rather than injected with {@code @ConfigProperty}:
 * MicroProfile Config treats an empty value as "not set" when injecting, which would turn "no wallets" into the
 * default. A configured name that is not a wallet fails at startup (when the bean is made), not at a buyer's checkout.
 * The saved choice is read on every call (there is no cache), so every node sees an Admin's change at once. Joins the
 * caller's transaction.
 */
@ApplicationScoped
public class JpaWalletSettings implements WalletSettings {

    public static final String PROPERTY = "paydesk.checkout.wallets";
    public static final String DEFAULT_WALLETS = "APPLE_PAY,GOOGLE_PAY";

    /** The name of the merchant setting row. */
    static final String SETTING = "checkout.wallets";

    private static final Set<PaymentMethodType> WALLETS = Collections.unmodifiableSet(
            EnumSet.of(PaymentMethodType.APPLE_PAY, PaymentMethodType.GOOGLE_PAY));
    private static final Logger LOG = Logger.getLogger(JpaWalletSettings.class.getName());

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    private Set<PaymentMethodType> configured;

    /** For CDI's proxy only. */
    protected JpaWalletSettings() {
    }

    /** For CDI: the configured default comes from MicroProfile Config; the entity manager is injected. */
    @Inject
    public JpaWalletSettings(Config config) {
        this.configured = parseConfigured(config.getConfigValue(PROPERTY).getRawValue());
    }

    /**
     * For callers that manage the entity manager themselves (tests in Java SE).
     *
     * @param configuredWallets the value of {@value #PROPERTY}, or null when it is not set
     */
    public JpaWalletSettings(EntityManager em, String configuredWallets) {
        this.em = em;
        this.configured = parseConfigured(configuredWallets);
    }

    @Override
    public Set<PaymentMethodType> enabledWallets() {
        MerchantSettingEntity saved = em.find(MerchantSettingEntity.class, SETTING);
        if (saved == null) {
            return configured;
        }
        return parseSaved(Columns.nullAsEmpty(saved.value()));
    }

    @Override
    public void enableWallets(Set<PaymentMethodType> wallets) {
        Objects.requireNonNull(wallets, "wallets");
        // Kept in the enum's order, so the stored text is the same however the set was built.
        EnumSet<PaymentMethodType> ordered = EnumSet.noneOf(PaymentMethodType.class);
        ordered.addAll(wallets);
        if (!WALLETS.containsAll(ordered)) {
            throw new IllegalArgumentException("only wallets can be enabled as wallets: " + ordered);
        }
        String value = ordered.stream().map(PaymentMethodType::name).collect(Collectors.joining(","));
        MerchantSettingEntity saved = em.find(MerchantSettingEntity.class, SETTING);
        if (saved == null) {
            em.persist(new MerchantSettingEntity(SETTING, value));
        } else {
            saved.change(value);
        }
        em.flush();
    }

    /** What is offered while the merchant has saved nothing. */
    Set<PaymentMethodType> configuredWallets() {
        return configured;
    }

    /** The configured list; null (not set) is the default, blank is none; anything but a wallet is refused. */
    static Set<PaymentMethodType> parseConfigured(String value) {
        String text = value == null ? DEFAULT_WALLETS : value;
        EnumSet<PaymentMethodType> wallets = EnumSet.noneOf(PaymentMethodType.class);
        for (String name : text.split(",")) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            PaymentMethodType type;
            try {
                type = PaymentMethodType.valueOf(trimmed.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException(PROPERTY + " names an unknown payment method type '" + trimmed
                        + "'; expected a comma-separated list of " + WALLETS, unknown);
            }
            if (!WALLETS.contains(type)) {
                throw new IllegalArgumentException(PROPERTY + " names " + type + ", which is not a wallet; expected a"
                        + " comma-separated list of " + WALLETS);
            }
            wallets.add(type);
        }
        return Collections.unmodifiableSet(wallets);
    }

    /** The saved list as written by {@link #enableWallets}; a name no longer known is skipped, not fatal. */
    private static Set<PaymentMethodType> parseSaved(String value) {
        EnumSet<PaymentMethodType> wallets = EnumSet.noneOf(PaymentMethodType.class);
        for (String name : value.split(",")) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                wallets.add(PaymentMethodType.valueOf(trimmed));
            } catch (IllegalArgumentException unknown) {
                LOG.warning(() -> "merchant setting " + SETTING + " names an unknown payment method type '" + trimmed
                        + "'; it is not offered");
            }
        }
        return Collections.unmodifiableSet(wallets);
    }
}
