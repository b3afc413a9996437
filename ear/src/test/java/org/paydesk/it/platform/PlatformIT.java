package org.paydesk.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paydesk.it.support.Api;
import org.paydesk.it.support.Deployments;
import org.paydesk.it.support.Fixtures;

/** The platform under the API: EclipseLink as the JPA provider, Flyway's schema, the OpenAPI document. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    private static String serverLog() throws IOException {
        return Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
    }

    @Test
    void the_persistence_unit_runs_on_eclipselink_4_0_9_not_hibernate() throws IOException {
        new Fixtures(deployment).customer();

        String log = serverLog();
        assertTrue(log.contains("EclipseLink, version: Eclipse Persistence Services - 4.0.9"),
                "EclipseLink 4.0.9 logged its start");
        assertTrue(log.contains("[org.eclipse.persistence.session.paydesk]"), "the 'paydesk' session is EclipseLink's");
        assertFalse(log.contains("HHH000204"), "Hibernate built no session factory");
    }

    @Test
    void flyway_migrated_the_schema_at_deployment() throws IOException {
        String log = serverLog();
        assertTrue(log.contains("Successfully applied") || log.contains("Schema") && log.contains("is up to date"),
                "Flyway ran at deployment");
    }

    @Test
    void the_server_serves_an_openapi_document_of_the_api() {
        Api.Reply reply = Api.anonymous(deployment).get("/openapi?format=JSON");

        assertEquals(200, reply.status(), reply::toString);
        var paths = reply.json().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/v1/payments"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/v1/payments/preview"));
        assertTrue(paths.containsKey("/api/v1/customers"));
        assertTrue(paths.containsKey("/api/v1/receivables"));
    }
}
