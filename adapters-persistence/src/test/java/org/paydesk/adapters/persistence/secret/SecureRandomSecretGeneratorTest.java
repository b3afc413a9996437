package org.paydesk.adapters.persistence.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureRandomSecretGeneratorTest {

    private final SecureRandomSecretGenerator generator = new SecureRandomSecretGenerator();

    @Test
    void aSecretIs256RandomBitsInUrlSafeBase64WithoutPadding() {
        String secret = generator.newSecret();

        assertEquals(43, secret.length());
        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
        assertEquals(32, Base64.getUrlDecoder().decode(secret).length);
    }

    @Test
    void secretsDoNotRepeat() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            secrets.add(generator.newSecret());
        }

        assertEquals(10_000, secrets.size());
    }
}
