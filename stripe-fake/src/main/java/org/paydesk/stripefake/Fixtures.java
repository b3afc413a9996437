package org.paydesk.stripefake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * Stripe's own example objects ({@code fixtures3.json} from Stripe's openapi repository, MIT licence; see
 * {@code stripe-fake/NOTICE.md}), the starting point of every object the fake answers with.
 */
final class Fixtures {

    static final String BUNDLED = "/stripe-fake/fixtures3.json.gz";

    private final JsonNode resources;

    private Fixtures(JsonNode resources) {
        this.resources = resources;
    }

    static Fixtures bundled(ObjectMapper json) {
        try (InputStream in = Fixtures.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled fixtures " + BUNDLED + " are missing");
            }
            return new Fixtures(json.readTree(new GZIPInputStream(in)).path("resources"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh copy of Stripe's example of the resource ({@code payment_intent}, {@code customer} ...). */
    ObjectNode of(String resource) {
        JsonNode fixture = resources.get(resource);
        if (fixture == null || !fixture.isObject()) {
            throw new IllegalArgumentException("no fixture for " + resource);
        }
        return fixture.deepCopy();
    }
}
