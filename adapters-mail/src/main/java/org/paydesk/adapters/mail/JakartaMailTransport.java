package org.paydesk.adapters.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paydesk.application.notification.DocumentValues;
import org.paydesk.application.notification.Notification;
import org.paydesk.application.notification.port.out.MailDeliveryException;
import org.paydesk.application.notification.port.out.MailTransport;

/**
 * Sends notifications through the server's Jakarta Mail session ({@value #MAIL_SESSION}), whose SMTP host, port,
 * credentials and TLS the server configures. Each mail is {@code multipart/alternative}: plain text, then HTML, both
 * from the kind's templates ({@link MailTemplates}). A notification whose values describe a document
 * ({@link DocumentValues}: an invoice, a statement) also carries it as a PDF attachment, made at delivery time by
 * {@link PdfDocuments}; the mail is then {@code multipart/mixed} with the alternatives first.
 *
 * <p>Besides the notification's own values, templates may use values derived from them: {@code link}, the full
 * address of {@code linkPath} on Paydesk's public site ({@code paydesk.public-url}); and for every value named
 * {@code ...At} holding an ISO instant, {@code ...AtUtc}, the same moment written out for people, in UTC.
 *
 * <p>Logs name the kind, the recipient and the outcome only: the values and the link carry a link's secret.
 */
@ApplicationScoped
public class JakartaMailTransport implements MailTransport {

    /** WildFly's default mail session; a global name resolves the same from the EAR's library jars. */
    static final String MAIL_SESSION = "java:jboss/mail/Default";

    private static final Logger LOG = Logger.getLogger(JakartaMailTransport.class.getName());
    private static final String LINK_PATH = "linkPath";
    /** An absolute path on Paydesk's own site: no scheme, no host, nothing that could lead elsewhere. */
    private static final Pattern SITE_PATH = Pattern.compile("/(?!/)[A-Za-z0-9._~%/-]*");
    private static final DateTimeFormatter READABLE_UTC =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Resource(lookup = MAIL_SESSION)
    private Session session;

    private final MailSettings settings;
    private final MailTemplates templates;
    private final PdfDocuments pdfs = new PdfDocuments();
    /** SMTP credentials, when the server wants them (WildFly's session carries host, port and TLS). */
    private final String smtpUser;
    private final String smtpPassword;

    @Inject
    public JakartaMailTransport(
            @ConfigProperty(name = MailSettings.PUBLIC_URL, defaultValue = MailSettings.DEFAULT_PUBLIC_URL)
            String publicUrl,
            @ConfigProperty(name = MailSettings.FROM, defaultValue = MailSettings.DEFAULT_FROM) String from,
            @ConfigProperty(name = "paydesk.smtp.user") Optional<String> smtpUser,
            @ConfigProperty(name = "paydesk.smtp.password") Optional<String> smtpPassword) {
        this.settings = MailSettings.of(publicUrl, from);
        this.templates = new MailTemplates();
        this.smtpUser = smtpUser.filter(user -> !user.isBlank()).orElse(null);
        this.smtpPassword = smtpPassword.orElse("");
    }

    /** With a session of the test's own, pointed at a test SMTP server. */
    JakartaMailTransport(Session session, MailSettings settings) {
        this.session = Objects.requireNonNull(session, "session");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.templates = new MailTemplates();
        this.smtpUser = null;
        this.smtpPassword = null;
    }

    /** For CDI's proxy only. */
    protected JakartaMailTransport() {
        this.settings = null;
        this.templates = null;
        this.smtpUser = null;
        this.smtpPassword = null;
    }

    /**
     * @throws MailDeliveryException when the mail could not be handed to the SMTP server (unreachable, refused, or a
     *     recipient it cannot take); the outbox tries again later
     * @throws IllegalArgumentException when the notification cannot become a mail: no templates for its kind, a
     *     value a template needs is missing, or a derived value cannot be made from it. Trying again will not help.
     */
    @Override
    public void send(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        String what = "mail " + notification.kind() + " to " + notification.recipient();
        MailTemplates.Rendered mail;
        Attachment attachment;
        try {
            mail = render(notification);
            attachment = attachment(notification);
        } catch (RuntimeException unrenderable) {
            LOG.warning(() -> what + " not sent, it cannot be rendered: " + unrenderable.getMessage());
            throw unrenderable;
        }
        try {
            MimeMessage message = compose(notification.recipient(), mail, attachment);
            if (smtpUser == null) {
                Transport.send(message);
            } else {
                Transport.send(message, smtpUser, smtpPassword);
            }
        } catch (MessagingException failed) {
            String reason = describe(failed);
            LOG.warning(() -> what + " not sent: " + reason);
            throw new MailDeliveryException(what + " was not handed to the SMTP server: " + reason, failed);
        }
        LOG.info(() -> what + " sent");
    }

    /** The mail as it would be sent, for tests. */
    MailTemplates.Rendered render(Notification notification) {
        return templates.render(notification.kind(), withDerivedValues(notification.values()));
    }

    /** A file attached to a mail. */
    record Attachment(String fileName, String contentType, byte[] content) {

        @Override
        public String toString() {
            return "Attachment[" + fileName + ", " + content.length + " bytes]";
        }
    }

    /**
     * The PDF the notification's values describe ({@link DocumentValues}), made now, or {@code null} when they ask
     * for none: the outbox keeps only the values, and the document is the same whenever it is rendered.
     */
    Attachment attachment(Notification notification) {
        DocumentValues document = DocumentValues.from(notification.values());
        if (document == null) {
            return null;
        }
        if (!document.fileName().matches("[A-Za-z0-9._-]{1,100}\\.pdf")) {
            throw new IllegalArgumentException("the attachment's file name is not a plain .pdf name");
        }
        return new Attachment(document.fileName(), "application/pdf", pdfs.render(document));
    }

    /** The message as it would be sent, for tests. */
    MimeMessage compose(Notification notification) throws MessagingException {
        return compose(notification.recipient(), render(notification), attachment(notification));
    }

    private Map<String, String> withDerivedValues(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        values.forEach((name, value) -> {
            if (name.equals(LINK_PATH)) {
                if (!SITE_PATH.matcher(value).matches()) {
                    throw new IllegalArgumentException("the value " + LINK_PATH + " is not a path on Paydesk's site");
                }
                all.put("link", settings.link(value));
            } else if (name.endsWith("At") && name.length() > 2) {
                try {
                    all.put(name + "Utc", READABLE_UTC.format(Instant.parse(value)));
                } catch (DateTimeParseException notAnInstant) {
                    throw new IllegalArgumentException("the value " + name + " is not an ISO instant");
                }
            }
        });
        return all;
    }

    private MimeMessage compose(String recipient, MailTemplates.Rendered mail, Attachment attachment)
            throws MessagingException {
        InternetAddress to = new InternetAddress(recipient, true);
        to.validate();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        // In order of preference, least preferred first: a client shows the last part it can display.
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);

        MimeMessage message = new MimeMessage(session);
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        // Tells mail servers and auto-responders that no person wrote it (RFC 3834).
        message.setHeader("Auto-Submitted", "auto-generated");
        if (attachment == null) {
            message.setContent(alternative);
        } else {
            // multipart/mixed: the readable alternatives first, then the file.
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new jakarta.activation.DataHandler(
                    new jakarta.mail.util.ByteArrayDataSource(attachment.content(), attachment.contentType())));
            file.setFileName(attachment.fileName());
            file.setDisposition(jakarta.mail.Part.ATTACHMENT);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(file);
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** The failure and its causes, in the mail library's words; they hold no part of the message. */
    private static String describe(MessagingException failed) {
        StringBuilder reason = new StringBuilder();
        Throwable cause = failed;
        for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
            if (depth > 0) {
                reason.append(" <- ");
            }
            reason.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                reason.append(": ").append(cause.getMessage().strip());
            }
        }
        return reason.toString();
    }
}
