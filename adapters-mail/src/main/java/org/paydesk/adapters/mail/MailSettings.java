package org.paydesk.adapters.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where links in mails point and who mails come from; checked at startup, so a wrong setting fails the deployment
 * rather than every mail.
 *
 * @param publicUrl the address customers reach Paydesk at, without a trailing slash: links are this plus a path
 * @param from the sender, as {@code Name <address>} or a bare address
 */
record MailSettings(String publicUrl, InternetAddress from) {

    /** Config key: the public base URL (env {@code PAYDESK_PUBLIC_URL}). */
    static final String PUBLIC_URL = "paydesk.public-url";
    /** Config key: the sender (env {@code PAYDESK_MAIL_FROM}). */
    static final String FROM = "paydesk.mail.from";
    static final String DEFAULT_PUBLIC_URL = "http://127.0.0.1:8080";
    static final String DEFAULT_FROM = "Paydesk <no-reply@paydesk.local>";

    MailSettings {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(from, "from");
    }

    /** @throws IllegalArgumentException naming the config key at fault */
    static MailSettings of(String publicUrl, String from) {
        return new MailSettings(checkPublicUrl(publicUrl), checkFrom(from));
    }

    static MailSettings defaults() {
        return of(DEFAULT_PUBLIC_URL, DEFAULT_FROM);
    }

    /** The full address of a path on Paydesk's public site. */
    String link(String path) {
        return publicUrl + path;
    }

    private static String checkPublicUrl(String value) {
        String url = value == null ? "" : value.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException(PUBLIC_URL + " must be an http or https address with a host and"
                        + " no query, such as https://pay.example.com: " + value);
            }
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException(PUBLIC_URL + " is not a valid URL: " + value, malformed);
        }
        return url;
    }

    private static InternetAddress checkFrom(String value) {
        try {
            InternetAddress address = new InternetAddress(value == null ? "" : value.strip(), true);
            address.validate();
            return address;
        } catch (AddressException malformed) {
            throw new IllegalArgumentException(FROM + " is not a valid mail address: " + value, malformed);
        }
    }
}
