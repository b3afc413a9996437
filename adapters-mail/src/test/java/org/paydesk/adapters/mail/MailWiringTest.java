package org.paydesk.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.application.notification.port.out.MailTransport;

/** How the container builds the mail transport: its config keys and defaults, its mail session, its scope. */
class MailWiringTest {

    @Test
    void the_transport_is_an_application_scoped_bean_for_the_mail_port_that_cdi_can_proxy() throws Exception {
        assertTrue(JakartaMailTransport.class.isAnnotationPresent(ApplicationScoped.class));
        assertTrue(MailTransport.class.isAssignableFrom(JakartaMailTransport.class));
        assertTrue(Modifier.isProtected(JakartaMailTransport.class.getDeclaredConstructor().getModifiers()));
    }

    @Test
    void the_injected_constructor_reads_the_public_url_sender_and_optional_smtp_credentials() {
        String none = org.eclipse.microprofile.config.inject.ConfigProperty.UNCONFIGURED_VALUE;
        assertEquals(List.of("paydesk.public-url=http://127.0.0.1:8080",
                "paydesk.mail.from=Paydesk <no-reply@paydesk.local>", "paydesk.smtp.user=" + none,
                "paydesk.smtp.password=" + none), configKeys(JakartaMailTransport.class));
    }

    @Test
    void the_mail_session_is_the_servers_default_by_its_global_name() throws Exception {
        Resource resource = JakartaMailTransport.class.getDeclaredField("session").getAnnotation(Resource.class);

        assertNotNull(resource);
        assertEquals("java:jboss/mail/Default", resource.lookup());
    }

    @Test
    void the_defaults_are_valid_settings() {
        MailSettings defaults = MailSettings.defaults();

        assertEquals("http://127.0.0.1:8080", defaults.publicUrl());
        assertEquals("no-reply@paydesk.local", defaults.from().getAddress());
        assertEquals("Paydesk", defaults.from().getPersonal());
        assertEquals("http://127.0.0.1:8080/pay/methods/x", defaults.link("/pay/methods/x"));
    }

    @ParameterizedTest(name = "public URL \"{0}\"")
    @ValueSource(strings = {"", "pay.acme.test", "ftp://pay.acme.test", "https://pay.acme.test/?a=b",
        "https://pay.acme.test/#x", "https://user:pw@pay.acme.test", "https://pay acme.test", "javascript:alert(1)"})
    void a_public_url_that_cannot_prefix_a_link_is_refused_at_startup_naming_its_key(String url) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MailSettings.of(url, MailSettings.DEFAULT_FROM));

        assertTrue(refused.getMessage().startsWith("paydesk.public-url "), refused.getMessage());
    }

    @ParameterizedTest(name = "sender \"{0}\"")
    @ValueSource(strings = {"", "Paydesk", "Paydesk <no-reply>", "a@b@c", "Paydesk <no-reply@paydesk.local"})
    void a_sender_that_is_not_one_mail_address_is_refused_at_startup_naming_its_key(String from) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MailSettings.of(Mails.PUBLIC_URL, from));

        assertTrue(refused.getMessage().startsWith("paydesk.mail.from "), refused.getMessage());
    }

    @Test
    void settings_from_the_environment_are_trimmed_of_spaces_and_trailing_slashes() {
        MailSettings settings = MailSettings.of(" https://pay.acme.test// ", " billing@acme.test ");

        assertEquals("https://pay.acme.test", settings.publicUrl());
        assertEquals("billing@acme.test", settings.from().getAddress());
    }

    @Test
    void beans_are_discovered_only_where_annotated() throws IOException {
        try (InputStream beans = getClass().getResourceAsStream("/META-INF/beans.xml")) {
            assertNotNull(beans, "META-INF/beans.xml is packaged");
            assertTrue(new String(beans.readAllBytes(), StandardCharsets.UTF_8)
                    .contains("bean-discovery-mode=\"annotated\""));
        }
    }

    /** {@code key=default} of each config property the {@code @Inject} constructor reads, in order. */
    static List<String> configKeys(Class<?> bean) {
        Constructor<?> injected = Arrays.stream(bean.getConstructors())
                .filter(c -> c.isAnnotationPresent(Inject.class)).findFirst().orElseThrow();
        List<String> keys = new ArrayList<>();
        for (Parameter parameter : injected.getParameters()) {
            ConfigProperty config = parameter.getAnnotation(ConfigProperty.class);
            if (config != null) {
                keys.add(config.name() + "=" + config.defaultValue());
            }
        }
        return keys;
    }
}
