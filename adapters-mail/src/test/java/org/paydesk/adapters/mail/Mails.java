package org.paydesk.adapters.mail;

import jakarta.mail.Session;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.paydesk.application.notification.Notification;

/** A payment-method request as the application sends it, and transports to render or send it with. */
final class Mails {

    /** The link's secret: it must reach the mail and nothing else. */
    static final String SECRET = "kP3vQ9xZ2mW7rT4yB8nC1dF6gH5jL0sA";
    static final String LINK_PATH = "/pay/methods/" + SECRET;
    static final String PUBLIC_URL = "https://pay.acme.test";
    static final String LINK = PUBLIC_URL + LINK_PATH;
    static final String EXPIRES_AT = "2026-11-29T14:05:30Z";
    static final String EXPIRES_READABLE = "Sunday 29 November 2026, 14:05 UTC";
    static final String RECIPIENT = "ap@customer.test";

    static {
        LogCapture.quiet();
    }

    private Mails() {
    }

    static Notification aPaymentMethodRequest() {
        return aPaymentMethodRequest(values -> { });
    }

    /** The request, with its values changed (or removed) by {@code change}. */
    static Notification aPaymentMethodRequest(Consumer<Map<String, String>> change) {
        Map<String, String> values = new HashMap<>(Map.of(
                "customerName", "Acme Hardware",
                "requestedBy", "Dana Clerk",
                "linkPath", LINK_PATH,
                "expiresAt", EXPIRES_AT));
        change.accept(values);
        return new Notification(Notification.PAYMENT_METHOD_REQUEST, RECIPIENT, values);
    }

    /** A transport that renders for real and is never asked to send. */
    static JakartaMailTransport renderer() {
        return new JakartaMailTransport(Session.getInstance(new Properties()),
                MailSettings.of(PUBLIC_URL, MailSettings.DEFAULT_FROM));
    }
}
