package org.paydesk.stripefake;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Stripe fake as its own process until it is stopped:
 * {@code java -jar paydesk-stripe-fake.jar [port] [--spec path] [--webhook-url url --webhook-secret whsec_...]
 * [--settle-ach-after-ms n]}. The port defaults to 12111; 0 picks a free one. The base URL is printed on start.
 */
public final class StripeFakeMain {

    static final int DEFAULT_PORT = 12111;

    private StripeFakeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = DEFAULT_PORT;
        Path spec = null;
        String webhookUrl = null;
        String webhookSecret = null;
        Duration settleAfter = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--spec" -> spec = Path.of(args[++i]);
                case "--webhook-url" -> webhookUrl = args[++i];
                case "--webhook-secret" -> webhookSecret = args[++i];
                case "--settle-ach-after-ms" -> settleAfter = Duration.ofMillis(Long.parseLong(args[++i]));
                case "--help", "-h" -> {
                    System.out.println("usage: StripeFakeMain [port] [--spec path] [--webhook-url url "
                            + "--webhook-secret whsec_...] [--settle-ach-after-ms n]");
                    return;
                }
                default -> port = Integer.parseInt(args[i]);
            }
        }
        StripeFake fake = StripeFake.start(port, spec);
        if (webhookUrl != null) {
            fake.webhookEndpoint(URI.create(webhookUrl), webhookSecret);
        }
        if (settleAfter != null) {
            fake.settleAchAfter(settleAfter);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            stopped.countDown();
        }, "stripe-fake-shutdown"));
        System.out.println("Stripe fake listening on " + fake.baseUrl());
        stopped.await();
    }
}
