package org.paydesk.adapters.persistence.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.domain.payment.PaymentMethodType.ACH;
import static org.paydesk.domain.payment.PaymentMethodType.APPLE_PAY;
import static org.paydesk.domain.payment.PaymentMethodType.CARD;
import static org.paydesk.domain.payment.PaymentMethodType.GOOGLE_PAY;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.domain.payment.PaymentMethodType;

class JpaWalletSettingsTest {

    private TestDatabase db;

    @BeforeEach
    void migrate() {
        db = TestDatabase.migrated();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void withNothingSavedAndNothingConfiguredApplePayAndGooglePayAreOffered() {
        assertEquals(Set.of(APPLE_PAY, GOOGLE_PAY), enabled(null));
        assertEquals("APPLE_PAY,GOOGLE_PAY", JpaWalletSettings.DEFAULT_WALLETS);
        assertEquals("paydesk.checkout.wallets", JpaWalletSettings.PROPERTY);
    }

    @Test
    void withNothingSavedTheConfiguredListIsOfferedAndAnEmptyOneMeansNone() {
        assertEquals(Set.of(GOOGLE_PAY), enabled("GOOGLE_PAY"));
        assertEquals(Set.of(APPLE_PAY, GOOGLE_PAY), enabled(" google_pay , APPLE_PAY ,"));
        assertEquals(Set.of(), enabled(""));
        assertEquals(Set.of(), enabled("  "));
    }

    @Test
    void aConfiguredNameThatIsNotAWalletIsRefused() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new JpaWalletSettings(null, "APPLE_PAY,SAMSUNG_PAY"));
        IllegalArgumentException card = assertThrows(IllegalArgumentException.class,
                () -> new JpaWalletSettings(null, "CARD"));

        assertTrue(unknown.getMessage().contains("paydesk.checkout.wallets"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("SAMSUNG_PAY"), unknown.getMessage());
        assertTrue(card.getMessage().contains("not a wallet"), card.getMessage());
    }

    @Test
    void theSavedChoiceWinsOverTheConfiguredOneAndCanBeChangedAgain() {
        db.run(em -> new JpaWalletSettings(em, null).enableWallets(Set.of(GOOGLE_PAY)));
        assertEquals(Set.of(GOOGLE_PAY), enabled(null));
        assertEquals(Set.of(GOOGLE_PAY), enabled("APPLE_PAY"), "the saved choice, not the configured default");

        db.run(em -> new JpaWalletSettings(em, null).enableWallets(Set.of(GOOGLE_PAY, APPLE_PAY)));
        assertEquals(Set.of(APPLE_PAY, GOOGLE_PAY), enabled(""));
        String stored = db.inTransaction(em -> em.find(MerchantSettingEntity.class, JpaWalletSettings.SETTING)
                .value());
        assertEquals("APPLE_PAY,GOOGLE_PAY", stored, "in the enum's order, whatever the set's");
    }

    @Test
    void savingNoWalletsOffersNoneEvenWhereTheDatabaseReadsAnEmptyValueAsNull() {
        db.run(em -> new JpaWalletSettings(em, null).enableWallets(Set.of()));
        assertEquals(Set.of(), enabled(null));

        db.run(em -> em.createNativeQuery("UPDATE merchant_setting SET setting_value = NULL").executeUpdate());
        assertEquals(Set.of(), enabled("APPLE_PAY"), "as Oracle stores an empty string");
    }

    @Test
    void onlyWalletsCanBeSavedAndTheResultCannotBeChangedByCallers() {
        assertThrows(IllegalArgumentException.class,
                () -> db.run(em -> new JpaWalletSettings(em, null).enableWallets(Set.of(CARD, APPLE_PAY))));
        assertThrows(IllegalArgumentException.class,
                () -> db.run(em -> new JpaWalletSettings(em, null).enableWallets(Set.of(ACH))));
        assertEquals(Set.of(APPLE_PAY, GOOGLE_PAY), enabled(null), "nothing was saved");

        Set<PaymentMethodType> offered = enabled(null);
        assertThrows(UnsupportedOperationException.class, () -> offered.add(CARD));
    }

    @Test
    void aSavedNameNoLongerKnownIsSkipped() {
        db.run(em -> em.createNativeQuery("INSERT INTO merchant_setting (setting_name, setting_value, version)"
                + " VALUES ('checkout.wallets', 'GOOGLE_PAY,PAYPAL', 1)").executeUpdate());

        assertEquals(Set.of(GOOGLE_PAY), enabled(null));
    }

    @Test
    void theContainerMakesItAnApplicationScopedBeanFromMicroProfileConfig() throws Exception {
        assertTrue(JpaWalletSettings.class.isAnnotationPresent(ApplicationScoped.class));
        Constructor<?> injected = Arrays.stream(JpaWalletSettings.class.getConstructors())
                .filter(c -> c.isAnnotationPresent(Inject.class)).findFirst().orElseThrow();
        assertEquals(1, injected.getParameterCount());
        assertEquals(Config.class, injected.getParameterTypes()[0]);
        Constructor<JpaWalletSettings> forProxies = JpaWalletSettings.class.getDeclaredConstructor();
        assertTrue(Modifier.isProtected(forProxies.getModifiers()));
        assertNotNull(JpaWalletSettings.class.getDeclaredField("em")
                .getAnnotation(jakarta.persistence.PersistenceContext.class));
    }

    @Test
    void fromMicroProfileConfigAnUnsetPropertyIsTheDefaultAndAnEmptyValueIsNone() {
        assertEquals(Set.of(APPLE_PAY, GOOGLE_PAY), new JpaWalletSettings(configWith(null)).configuredWallets());
        assertEquals(Set.of(), new JpaWalletSettings(configWith("")).configuredWallets(),
                "read raw: injection would treat the empty value as unset and offer the default");
        assertEquals(Set.of(APPLE_PAY), new JpaWalletSettings(configWith("APPLE_PAY")).configuredWallets());
    }

    /** A Config holding only {@code paydesk.checkout.wallets}, with this raw value (null: not set). */
    private static Config configWith(String raw) {
        ConfigValue value = (ConfigValue) Proxy.newProxyInstance(ConfigValue.class.getClassLoader(),
                new Class<?>[] {ConfigValue.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> JpaWalletSettings.PROPERTY;
                    case "getRawValue", "getValue" -> raw;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConfigValue") && JpaWalletSettings.PROPERTY.equals(args[0])) {
                        return value;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private Set<PaymentMethodType> enabled(String configured) {
        return db.inTransaction(em -> new JpaWalletSettings(em, configured).enabledWallets());
    }
}
