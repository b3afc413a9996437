package org.paydesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The deployed unit's settings that money depends on; WildFly itself is not started here. */
class PersistenceUnitTest {

    private static Element unit;
    private static final Map<String, String> PROPERTIES = new HashMap<>();

    @BeforeAll
    static void read() throws Exception {
        try (InputStream xml = PersistenceUnitTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            assertNotNull(xml);
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(xml);
            unit = (Element) document.getElementsByTagNameNS("*", "persistence-unit").item(0);
        }
        NodeList properties = unit.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            PROPERTIES.put(property.getAttribute("name"), property.getAttribute("value"));
        }
    }

    @Test
    void theUnitIsPaydeskOnTheJtaDataSourceWithEclipseLink() {
        assertEquals("paydesk", unit.getAttribute("name"));
        assertEquals("JTA", unit.getAttribute("transaction-type"));
        assertEquals("java:jboss/datasources/PaydeskDS", text("jta-data-source"));
        assertEquals("org.eclipse.persistence.jpa.PersistenceProvider", text("provider"));
        assertEquals("org.eclipse.persistence", PROPERTIES.get("jboss.as.jpa.providerModule"));
    }

    @Test
    void moneyIsNeverServedFromASharedCache() {
        assertEquals("NONE", text("shared-cache-mode"));
    }

    @Test
    void theSchemaComesOnlyFromTheMigrations() {
        assertEquals("none", PROPERTIES.get("jakarta.persistence.schema-generation.database.action"));
        assertEquals(null, PROPERTIES.get("eclipselink.ddl-generation"));
    }

    @Test
    void eclipseLinkLogsWithMessagesAndWritesInBatches() {
        assertEquals("JavaLogger", PROPERTIES.get("eclipselink.logging.logger"));
        assertEquals("paydesk", PROPERTIES.get("eclipselink.session-name"));
        assertEquals("JDBC", PROPERTIES.get("eclipselink.jdbc.batch-writing"));
        assertEquals("100", PROPERTIES.get("eclipselink.jdbc.batch-writing.size"));
        assertEquals("true", PROPERTIES.get("eclipselink.jdbc.bind-parameters"));
    }

    private static String text(String element) {
        return unit.getElementsByTagNameNS("*", element).item(0).getTextContent().strip();
    }
}
