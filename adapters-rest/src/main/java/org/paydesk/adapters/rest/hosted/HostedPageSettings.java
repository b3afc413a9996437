package org.paydesk.adapters.rest.hosted;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the hosted pages are configured with (MicroProfile Config, so system properties and environment variables
 * work): which processor's form to show, Stripe's publishable key, the wrong-secret rate limit, and the public URL
 * that links in mails point at ({@code paydesk.public-url}, shared with the mail adapter), which is also an origin
 * the CSRF check accepts.
 */
@ApplicationScoped
public class HostedPageSettings {

    /** Which form the page shows: typed test details for the sandbox, or Stripe Elements. */
    public enum Mode {
        SANDBOX, STRIPE;

        public String attribute() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    @ConfigProperty(name = "paydesk.processor", defaultValue = "sandbox")
    String processor;

    @Inject
    @ConfigProperty(name = "paydesk.stripe.publishable-key")
    Optional<String> stripePublishableKey;

    @Inject
    @ConfigProperty(name = "paydesk.public-url")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "paydesk.hosted.wrong-secret-limit", defaultValue = "10")
    int wrongSecretLimit;

    @Inject
    @ConfigProperty(name = "paydesk.hosted.wrong-secret-window-seconds", defaultValue = "60")
    int wrongSecretWindowSeconds;

    public Mode mode() {
        return "stripe".equalsIgnoreCase(processor == null ? "" : processor.strip()) ? Mode.STRIPE : Mode.SANDBOX;
    }

    public String stripePublishableKey() {
        return stripePublishableKey.map(String::strip).orElse("");
    }

    /** The origin of {@code paydesk.public-url}, when it is set. */
    public Optional<String> publicOrigin() {
        return publicUrl.flatMap(CsrfGuard::originOf);
    }

    public int wrongSecretLimit() {
        return wrongSecretLimit;
    }

    public Duration wrongSecretWindow() {
        return Duration.ofSeconds(wrongSecretWindowSeconds);
    }
}
