package org.paydesk.adapters.persistence.secret;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import org.paydesk.application.paymentmethod.port.out.SecretGenerator;

/**
 * Link secrets of 256 bits from {@link SecureRandom}, as 43 characters of URL-safe Base64 without padding, so they
 * go into a path as they are. Guessing one is hopeless; only its SHA-256 is stored.
 */
@ApplicationScoped
public class SecureRandomSecretGenerator implements SecretGenerator {

    static final int BYTES = 32;

    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    // Thread-safe, and seeded by the JDK from the operating system's entropy source.
    private final SecureRandom random = new SecureRandom();

    @Override
    public String newSecret() {
        byte[] secret = new byte[BYTES];
        random.nextBytes(secret);
        return URL_SAFE.encodeToString(secret);
    }
}
