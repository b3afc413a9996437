package org.paydesk.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one GreenMail SMTP server of a container test run, on 127.0.0.1:{@value #PORT} where the server's mail session
 * sends ({@code -Djboss.mail.server.port=3025} in arquillian.xml). {@link InstallTestUsers} starts it when the run
 * starts and stops it when the run ends, so every mail of the run is here to read and, at the end, to scan.
 * Tests use a {@link #uniqueAddress unique recipient} each, so they never read each other's mail.
 */
public final class TestMail {

    public static final int PORT = 3025;

    private static final Pattern HOSTED_LINK = Pattern.compile("(?:https?://[^\\s\"'<>/]+)?/pay/methods/[A-Za-z0-9_-]+");
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final List<MimeMessage> ARCHIVED = new ArrayList<>();
    private static GreenMail server;

    private TestMail() {
    }

    /** Starts the SMTP server (idempotent). */
    public static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Stops the SMTP server, keeping what it received for {@link #all()} (idempotent). */
    public static synchronized void stop() {
        if (server != null) {
            ARCHIVED.addAll(Arrays.asList(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    public static synchronized boolean running() {
        return server != null;
    }

    /** Every message received in this run, in order of arrival. */
    public static synchronized List<MimeMessage> all() {
        List<MimeMessage> messages = new ArrayList<>(ARCHIVED);
        if (server != null) {
            messages.addAll(Arrays.asList(server.getReceivedMessages()));
        }
        return messages;
    }

    /** A recipient address no other test uses. */
    public static String uniqueAddress(String localPart) {
        return localPart + "-" + SEQUENCE.incrementAndGet() + "@customer.example";
    }

    /** Every message sent to this address so far. */
    public static List<MimeMessage> messagesTo(String address) {
        return all().stream().filter(message -> isTo(message, address)).toList();
    }

    /** Waits for the first message to this address. */
    public static MimeMessage awaitMessageTo(String address, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<MimeMessage> found = messagesTo(address);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no mail to " + address + " within " + timeout + " (" + all().size()
                        + " mails received in this run" + (running() ? "" : "; GreenMail is not running") + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for mail to " + address, e);
            }
        }
    }

    /** The {@code /pay/methods/...} link in the message's plain-text part, as written (absolute if it is). */
    public static String linkIn(MimeMessage message) {
        String text = textOf(message);
        Matcher link = HOSTED_LINK.matcher(text);
        if (!link.find()) {
            throw new AssertionError("no /pay/methods/ link in the text part of the mail:\n" + text);
        }
        return link.group();
    }

    /** The decoded text/plain part (the first one). */
    public static String textOf(MimeMessage message) {
        String text = firstPart(message, "text/plain");
        if (text == null) {
            throw new AssertionError("the mail has no text/plain part");
        }
        return text;
    }

    /** The decoded text/html part (the first one), or {@code null}. */
    public static String htmlOf(MimeMessage message) {
        return firstPart(message, "text/html");
    }

    /** Every text part, decoded (quoted-printable and base64 undone), joined: what a reader of the mail sees. */
    public static String allTextOf(MimeMessage message) {
        StringBuilder out = new StringBuilder();
        try {
            out.append(message.getSubject()).append('\n');
            collectText(message, out);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received mail", e);
        }
        return out.toString();
    }

    /** The message as it travelled over SMTP. */
    public static byte[] raw(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot serialise a received mail", e);
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            if (recipients == null) {
                return false;
            }
            for (Address recipient : recipients) {
                if (recipient.toString().toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read a received mail's recipients", e);
        }
    }

    private static String firstPart(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return String.valueOf(part.getContent());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = firstPart(multipart.getBodyPart(i), mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received mail", e);
        }
    }

    private static void collectText(Part part, StringBuilder out) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            out.append(part.getContent()).append('\n');
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectText(child, out);
            }
        }
    }
}
