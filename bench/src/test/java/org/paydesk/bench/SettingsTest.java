package org.paydesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void theFullRunMeasuresWhatIssueThreeAsks() {
        Settings full = Settings.full(Settings.projectRoot());
        assertEquals(List.of(1, 8, 32), full.concurrencies());
        assertEquals(List.of(10, 100, 1_000, 10_000), full.scalingSizes());
        assertEquals(0.5, full.load());
        assertTrue(full.latencyRun().compareTo(Duration.ofSeconds(60)) >= 0, "latency runs last at least 60 s");
        assertEquals(Duration.ofMillis(300), full.slowSandbox());
        assertEquals(32, full.poolMax());
    }

    @Test
    void theSmokeRunUsesItsOwnPortsAndTinyNumbers() {
        Settings smoke = Settings.smoke(Settings.projectRoot());
        Settings full = Settings.full(Settings.projectRoot());
        assertNotEquals(0, smoke.portOffset(), "never the Arquillian server's ports");
        assertNotEquals(full.portOffset(), smoke.portOffset());
        assertTrue(smoke.latencyRun().compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void optionsOverrideTheDefaults() {
        Settings settings = Settings.parse("--concurrency", "2,4", "--duration", "1.5", "--scaling", "10,1_000",
                "--port-offset", "400", "--keep-data");
        assertEquals(List.of(2, 4), settings.concurrencies());
        assertEquals(Duration.ofMillis(1500), settings.throughputRun());
        assertEquals(List.of(10, 1_000), settings.scalingSizes());
        assertEquals(8480, settings.httpPort());
        assertTrue(settings.keepData());
    }

    @Test
    void refusesUnknownOptionsAndMissingValues() {
        assertThrows(Settings.UsageException.class, () -> Settings.parse("--fast"));
        assertThrows(Settings.UsageException.class, () -> Settings.parse("--duration"));
        assertThrows(Settings.UsageException.class, () -> Settings.parse("--pool", "many"));
    }
}
