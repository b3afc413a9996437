package org.paydesk.it.support;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Installs {@link TestUsers} into the server before any test starts it (only in the container test run). */
public class InstallTestUsers implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String home = System.getProperty("jboss.home");
        if (home != null && Path.of(home).resolve("standalone/configuration").toFile().isDirectory()) {
            TestUsers.install(Path.of(home));
        }
    }
}
