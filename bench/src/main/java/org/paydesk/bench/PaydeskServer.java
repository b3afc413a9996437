package org.paydesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The provisioned WildFly with Paydesk, started and stopped by the benchmark.
 *
 * <p>The server in {@code ear/target/server} is used as built but never changed, and a rebuild during the run
 * cannot pull it away: the run takes a snapshot of it (hard links, else copies) and runs that with a base directory
 * of its own ({@code jboss.server.base.dir}), which holds a copy of the configuration, the benchmark's users
 * (Elytron file realm, random passwords), the EAR in {@code deployments/}, logs and data. So neither a developer's
 * {@code ./paydesk run} users nor the Arquillian tests' server are touched. Like {@code ./paydesk}, the database is
 * the embedded default (H2 file in {@code paydesk.data.dir}, {@code WRITE_DELAY=0}).
 *
 * <p>{@link #stop} ends the server's java process (its pid from {@code JBOSS_PIDFILE}); a JVM shutdown hook
 * does the same if the benchmark is interrupted, so no server outlives the run that started it.
 */
final class PaydeskServer implements AutoCloseable {

    static final String REALM = "ApplicationRealm";
    private static final String START = "bin/standalone.sh";

    private final Settings settings;
    private final Path baseDir;
    private final Path dataDir;
    private final Process script;
    private final long pid;
    private final Path console;
    private final Thread hook;

    private PaydeskServer(Settings settings, Path baseDir, Path dataDir, Process script, long pid, Path console) {
        this.settings = settings;
        this.baseDir = baseDir;
        this.dataDir = dataDir;
        this.script = script;
        this.pid = pid;
        this.console = console;
        this.hook = new Thread(this::kill, "paydesk-bench-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Benchmark users, one per role the benchmark needs, with passwords no one else knows. */
    record Users(Credentials integration, Credentials cashier) {

        static Users random() {
            return new Users(new Credentials("bench-erp", "INTEGRATION", password()),
                    new Credentials("bench-cashier", "CASHIER", password()));
        }

        private static String password() {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        List<Credentials> all() {
            return List.of(integration, cashier);
        }
    }

    /** A user of the file realm. */
    record Credentials(String user, String role, String password) {

        String basicAuthorization() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return user + " (" + role + ")";
        }
    }

    /**
     * Where a run's server lives.
     *
     * @param home the snapshot of the provisioned server
     * @param baseDir its {@code jboss.server.base.dir}
     */
    record Layout(Path home, Path baseDir) {
    }

    /**
     * Lays out the run's server under {@code runDir}: a snapshot of the provisioned server ({@code wildfly/}),
     * and a base directory ({@code server/}) with the configuration, the benchmark's users and the EAR.
     */
    static Layout prepare(Settings settings, Path runDir, Users users) throws IOException {
        Path home = snapshot(settings.serverHome(), runDir.resolve("wildfly"));
        Path standalone = settings.serverHome().resolve("standalone");
        Path base = runDir.resolve("server");
        Path configuration = base.resolve("configuration");
        Files.createDirectories(configuration);
        Files.createDirectories(base.resolve("deployments"));
        try (Stream<Path> files = Files.list(standalone.resolve("configuration"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, configuration.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // A server that ran the end-to-end tests may have kept their deployment in its configuration: ours comes
        // from deployments/ only, and the same name twice would stop the boot.
        Path xml = configuration.resolve("standalone.xml");
        Files.writeString(xml, Files.readString(xml).replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""));
        StringBuilder usersFile = new StringBuilder("#$REALM_NAME=" + REALM + "$\n");
        StringBuilder rolesFile = new StringBuilder();
        for (Credentials user : users.all()) {
            usersFile.append(user.user()).append('=').append(md5Hex(user.user() + ":" + REALM + ":" + user.password()))
                    .append('\n');
            rolesFile.append(user.user()).append('=').append(user.role()).append('\n');
        }
        Files.writeString(configuration.resolve("application-users.properties"), usersFile);
        Files.writeString(configuration.resolve("application-roles.properties"), rolesFile);
        copyComplete(settings.earFile(), base.resolve("deployments/paydesk.ear"));
        if (!Files.isRegularFile(home.resolve("jboss-modules.jar")) || !Files.isRegularFile(home.resolve(START))) {
            throw new IllegalStateException("the server in " + settings.serverHome() + " is incomplete (being"
                    + " rebuilt?); build again and retry");
        }
        return new Layout(home, base);
    }

    /**
     * Copies a file that a build may be writing at this very moment: retries until the copy is a readable zip
     * taken while the source did not change.
     */
    private static void copyComplete(Path source, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            FileTime before = Files.getLastModifiedTime(source);
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            boolean unchanged = before.equals(Files.getLastModifiedTime(source))
                    && Files.size(source) == Files.size(target);
            try (ZipFile zip = new ZipFile(target.toFile())) {
                if (unchanged && zip.size() > 0) {
                    return;
                }
            } catch (IOException notYetWhole) {
                if (attempt >= 30) {
                    throw notYetWhole;
                }
            }
            if (attempt >= 30) {
                throw new IOException(source + " keeps changing; is a build writing it?");
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + source, interrupted);
            }
        }
    }

    /** The server's files except {@code standalone/}: hard links where the file system allows, else copies. */
    private static Path snapshot(Path serverHome, Path target) throws IOException {
        Path standalone = serverHome.resolve("standalone");
        try (Stream<Path> files = Files.walk(serverHome)) {
            for (Path source : files.filter(p -> !p.startsWith(standalone)).toList()) {
                Path copy = target.resolve(serverHome.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                    continue;
                }
                try {
                    Files.createLink(copy, source);
                } catch (IOException | UnsupportedOperationException noLink) {
                    Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    /**
     * Starts the server and waits until Paydesk answers.
     *
     * @param sandboxLatency how long the sandbox processor takes to answer a charge
     * @param ready called repeatedly until it returns true (the API answers), or the timeout passes
     */
    static PaydeskServer start(Settings settings, Layout layout, Path dataDir, Duration sandboxLatency, String label,
            ReadyCheck ready) throws IOException, InterruptedException {
        requirePortsFree(settings);
        Path baseDir = layout.baseDir();
        Path pidFile = baseDir.resolve("server.pid");
        Files.deleteIfExists(pidFile);
        Files.deleteIfExists(baseDir.resolve("deployments/paydesk.ear.failed"));
        Files.createDirectories(dataDir);
        Path console = baseDir.resolve("console-" + label + ".log");
        List<String> command = new ArrayList<>(List.of(
                layout.home().resolve(START).toString(),
                "-b", "127.0.0.1",
                "-Djboss.server.base.dir=" + baseDir,
                "-Dpaydesk.data.dir=" + dataDir,
                "-Djboss.socket.binding.port-offset=" + settings.portOffset()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(baseDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        Map<String, String> env = builder.environment();
        // The embedded default database and the server's own JVM settings, whatever the caller's shell says.
        for (String inherited : List.of("DB_DRIVER", "DB_URL", "DB_USER", "DB_PASSWORD", "JAVA_OPTS",
                "JBOSS_JAVA_SIZING", "PAYDESK_SANDBOX_ACH_SETTLEMENT_SECONDS", "SMTP_TLS", "SMTP_SSL")) {
            env.remove(inherited);
        }
        // Mail goes nowhere: a port shifted like the others, where no one listens, so no mail catcher of a
        // developer or of the end-to-end tests (3025) ever receives the benchmark's mail.
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(3025 + settings.portOffset()));
        env.put("PAYDESK_PUBLIC_URL", "http://127.0.0.1:" + settings.httpPort());
        env.put("DB_POOL_MAX", Integer.toString(settings.poolMax()));
        env.put("PAYDESK_SANDBOX_LATENCY_MS", Long.toString(sandboxLatency.toMillis()));
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        env.put("JBOSS_PIDFILE", pidFile.toString());
        Process script = builder.start();
        long pid = waitForPid(script, pidFile, console);
        PaydeskServer server = new PaydeskServer(settings, baseDir, dataDir, script, pid, console);
        try {
            server.awaitReady(ready);
            return server;
        } catch (IOException | InterruptedException | RuntimeException failed) {
            server.stop();
            throw failed;
        }
    }

    /** Whether the API answers yet; exceptions count as not yet. */
    @FunctionalInterface
    interface ReadyCheck {
        boolean ready() throws Exception;
    }

    private void awaitReady(ReadyCheck ready) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
        Path failedMarker = baseDir.resolve("deployments/paydesk.ear.failed");
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException("the server exited while starting; see " + console + "\n"
                        + tail(console, 30));
            }
            if (Files.exists(failedMarker)) {
                throw new IllegalStateException("Paydesk failed to deploy: " + Files.readString(failedMarker).strip()
                        + "\nsee " + baseDir.resolve("log/server.log"));
            }
            try {
                if (ready.ready()) {
                    return;
                }
            } catch (Exception notYet) {
                // connection refused or 404 while deploying
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Paydesk did not answer within " + settings.startupTimeout().toSeconds()
                + " s; see " + baseDir.resolve("log/server.log"));
    }

    private static long waitForPid(Process script, Path pidFile, Path console)
            throws IOException, InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(pidFile)) {
                String text = Files.readString(pidFile).strip();
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
            }
            if (!script.isAlive()) {
                throw new IllegalStateException("standalone.sh exited with " + script.exitValue() + "\n"
                        + tail(console, 30));
            }
            Thread.sleep(100);
        }
        script.destroy();
        throw new IllegalStateException("standalone.sh wrote no pid file in 60 s: " + pidFile);
    }

    /** Refuses to start when something already listens on our ports (a server this run did not start). */
    private static void requirePortsFree(Settings settings) {
        for (int port : new int[] {settings.httpPort(), settings.managementPort()}) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
                throw new IllegalStateException("port " + port + " is already in use (another server?); choose"
                        + " another --port-offset than " + settings.portOffset());
            } catch (IOException free) {
                // nothing listens: good
            }
        }
    }

    URI apiBase() {
        return URI.create("http://127.0.0.1:" + settings.httpPort() + "/api/v1/");
    }

    long pid() {
        return pid;
    }

    Path dataDir() {
        return dataDir;
    }

    Path serverLog() {
        return baseDir.resolve("log/server.log");
    }

    /**
     * The failure to report when the server stopped although the benchmark did not stop it: something outside
     * ended it (the start script logs the signal it received).
     */
    IllegalStateException stoppedDuring(String phase) {
        return new IllegalStateException("the server (pid " + pid + ") stopped during " + phase
                + ", and not by the benchmark; see " + console + ":\n" + tail(console, 5));
    }

    boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Stops the server: SIGTERM to its java process (a clean shutdown closes the H2 database), SIGKILL if it has
     * not ended after 60 s. Waits for the start script to end too.
     */
    void stop() {
        Optional<ProcessHandle> java = ProcessHandle.of(pid);
        if (java.isPresent() && java.get().isAlive()) {
            java.get().destroy();
            try {
                java.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                java.get().destroyForcibly();
                try {
                    java.get().onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // reported by isAlive below
                }
            }
        }
        try {
            if (!script.waitFor(10, TimeUnit.SECONDS)) {
                script.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            script.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
        if (isAlive()) {
            throw new IllegalStateException("server pid " + pid + " survived SIGKILL");
        }
    }

    /** The shutdown hook: no waiting for a clean stop, the JVM is going away. */
    private void kill() {
        ProcessHandle.of(pid).ifPresent(java -> {
            java.destroy();
            try {
                java.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                java.destroyForcibly();
            }
        });
        script.destroyForcibly();
    }

    @Override
    public void close() {
        stop();
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException unreadable) {
            return "(cannot read " + file + ": " + unreadable.getMessage() + ")";
        }
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has MD5", impossible);
        }
    }
}
