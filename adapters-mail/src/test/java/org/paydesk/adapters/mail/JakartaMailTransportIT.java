package org.paydesk.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.mail.Mails.EXPIRES_READABLE;
import static org.paydesk.adapters.mail.Mails.LINK;
import static org.paydesk.adapters.mail.Mails.LINK_PATH;
import static org.paydesk.adapters.mail.Mails.RECIPIENT;
import static org.paydesk.adapters.mail.Mails.SECRET;
import static org.paydesk.adapters.mail.Mails.aPaymentMethodRequest;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paydesk.application.notification.Notification;
import org.paydesk.application.notification.port.out.MailDeliveryException;

/** A real SMTP round trip through GreenMail: what arrives, and what happens when the SMTP server is down. */
class JakartaMailTransportIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void the_request_arrives_once_addressed_to_the_recipient_from_paydesk_with_the_subject() throws Exception {
        send(SMTP.getSmtp().getPort());

        MimeMessage mail = theOnlyMail();
        assertEquals("Add a payment method for Acme Hardware", mail.getSubject());
        assertEquals(List.of(new InternetAddress(RECIPIENT)), List.of(mail.getRecipients(Message.RecipientType.TO)));
        assertEquals(null, mail.getRecipients(Message.RecipientType.CC));
        Address[] from = mail.getFrom();
        assertEquals(1, from.length);
        assertEquals(new InternetAddress("Paydesk <no-reply@paydesk.local>"), from[0]);
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
        assertTrue(mail.getSentDate() != null);
    }

    @Test
    void it_is_multipart_alternative_with_plain_text_first_and_html_last_both_with_the_full_link() throws Exception {
        send(SMTP.getSmtp().getPort());

        MimeMessage mail = theOnlyMail();
        assertTrue(mail.isMimeType("multipart/alternative"), mail.getContentType());
        MimeMultipart parts = assertInstanceOf(MimeMultipart.class, mail.getContent());
        assertEquals(2, parts.getCount());
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain"), text.getContentType());
        assertTrue(html.isMimeType("text/html"), html.getContentType());
        assertTrue(text.getContentType().toLowerCase().contains("charset=utf-8"), text.getContentType());
        assertTrue(html.getContentType().toLowerCase().contains("charset=utf-8"), html.getContentType());

        String plain = (String) text.getContent();
        assertTrue(plain.contains("Dana Clerk asked you"), plain);
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(LINK) + "$").matcher(plain).find(),
                "the full link on a line of its own: " + plain);
        assertTrue(plain.contains(EXPIRES_READABLE), plain);
        String markup = (String) html.getContent();
        assertTrue(markup.contains("<a href=\"" + LINK + "\" style=\"display:inline-block;"), "a button: " + markup);
        assertTrue(markup.contains(EXPIRES_READABLE), markup);
    }

    @Test
    void names_beyond_ascii_survive_the_trip_and_markup_in_them_stays_text() throws Exception {
        String name = "Müller & Söhne <b>GmbH</b>";
        new JakartaMailTransport(sessionOn(SMTP.getSmtp().getPort()), MailSettings.of(Mails.PUBLIC_URL,
                MailSettings.DEFAULT_FROM)).send(aPaymentMethodRequest(v -> v.put("customerName", name)));

        MimeMessage mail = theOnlyMail();
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals("Add a payment method for " + name, mail.getSubject());
        assertTrue(((String) parts.getBodyPart(0).getContent()).contains(name));
        String markup = (String) parts.getBodyPart(1).getContent();
        assertTrue(markup.contains("Müller &amp; Söhne &lt;b&gt;GmbH&lt;/b&gt;"), markup);
        assertFalse(markup.contains("<b>GmbH"), markup);
    }

    @Test
    void sending_logs_kind_recipient_and_outcome_and_never_the_link_or_a_value() throws Exception {
        try (LogCapture log = new LogCapture()) {
            send(SMTP.getSmtp().getPort());

            assertEquals(List.of("INFO mail payment-method-request to " + RECIPIENT + " sent"), log.lines());
        }
    }

    @Test
    void with_the_smtp_server_down_sending_fails_with_a_delivery_exception_that_reveals_no_value() throws Exception {
        int closedPort = aClosedPort();
        try (LogCapture log = new LogCapture()) {
            MailDeliveryException failed = assertThrows(MailDeliveryException.class, () -> send(closedPort));

            assertInstanceOf(MessagingException.class, failed.getCause());
            assertTrue(failed.getMessage().startsWith("mail payment-method-request to " + RECIPIENT
                    + " was not handed to the SMTP server: "), failed.getMessage());
            assertNoValueIn(failed.getMessage());
            assertEquals(1, log.lines().size(), log.lines()::toString);
            assertTrue(log.lines().get(0).startsWith("WARNING mail payment-method-request to " + RECIPIENT
                    + " not sent: "), log.lines().get(0));
            log.lines().forEach(JakartaMailTransportIT::assertNoValueIn);
        }
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void after_a_failure_the_next_attempt_with_the_server_up_delivers_one_mail() throws Exception {
        assertThrows(MailDeliveryException.class, () -> send(aClosedPort()));

        send(SMTP.getSmtp().getPort());

        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void a_recipient_that_is_not_one_mail_address_is_not_sent_to() {
        MailDeliveryException failed = assertThrows(MailDeliveryException.class,
                () -> new JakartaMailTransport(sessionOn(SMTP.getSmtp().getPort()), MailSettings.defaults()).send(
                        new Notification("payment-method-request", "a@example.test, b@example.test",
                                aPaymentMethodRequest().values())));

        assertNoValueIn(failed.getMessage());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    private static void send(int port) {
        new JakartaMailTransport(sessionOn(port), MailSettings.of(Mails.PUBLIC_URL, MailSettings.DEFAULT_FROM))
                .send(aPaymentMethodRequest());
    }

    private static Session sessionOn(int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", SMTP.getSmtp().getBindTo());
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "5000");
        return Session.getInstance(properties);
    }

    private static MimeMessage theOnlyMail() {
        assertTrue(SMTP.waitForIncomingEmail(5_000, 1), "a mail arrives");
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length, "exactly one mail");
        return received[0];
    }

    /** A port nothing listens on: taken from the system, then let go. */
    private static int aClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void assertNoValueIn(String text) {
        for (String value : List.of(SECRET, LINK_PATH, "Acme Hardware", "Dana Clerk")) {
            assertFalse(text.contains(value), () -> value + " leaked into: " + text);
        }
    }
}
