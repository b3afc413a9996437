package org.paydesk.it.support;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the container test run before any test starts the server: installs {@link TestUsers} into it and starts
 * the run's one SMTP server ({@link TestMail}), which stops when the run ends. Only in the container test run
 * ({@code jboss.home} set by failsafe); the ArchUnit run needs neither.
 */
public class InstallTestUsers implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String home = System.getProperty("jboss.home");
        if (home != null && Path.of(home).resolve("standalone/configuration").toFile().isDirectory()) {
            TestUsers.install(Path.of(home));
            TestMail.start();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestMail.stop();
    }
}
