package org.paydesk.adapters.rest.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.rest.hosted.PaymentMethodFormServlet.Route;

class RouteTest {

    @Test
    void the_secret_and_an_optional_action_are_read_from_the_path() {
        assertEquals(Optional.of(new Route("abc", null)), Route.of("/abc"));
        assertEquals(Optional.of(new Route("abc", "tokens")), Route.of("/abc/tokens"));
    }

    @Test
    void anything_else_is_no_route() {
        assertTrue(Route.of(null).isEmpty());
        assertTrue(Route.of("/").isEmpty());
        assertTrue(Route.of("//tokens").isEmpty());
        assertTrue(Route.of("/abc/").isEmpty());
        assertTrue(Route.of("/abc/tokens/more").isEmpty());
    }
}
