package org.paydesk.it.hosted;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A customer's browser without JavaScript: plain HTTP with its own cookie jar, as the hosted pages see it. */
public final class HostedPageClient {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private final URI root;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String authorization;

    public HostedPageClient(URL deployment) {
        try {
            this.root = deployment.toURI().resolve("/");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same browser signed in with HTTP Basic (the hosted checkout is for signed-in buyers). */
    HostedPageClient signedInAs(String user, String password) {
        this.authorization = "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The path of an emailed link (absolute or not), so that it is sent to the server under test. */
    public static String pathOf(String link) {
        return URI.create(link).getRawPath();
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(root.resolve(path)).GET());
    }

    public Page postForm(String path, Map<String, String> fields, Map<String, String> headers) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    public Page postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        headers.forEach(request::header);
        return send(request);
    }

    /** The CSRF cookie this client holds, if any. */
    Optional<HttpCookie> csrfCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("pd_csrf")).findFirst();
    }

    private Page send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** A response: status, body, headers. */
    public record Page(int status, String body, HttpResponse<String> raw) {

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        /** The CSRF token the page carries for its script and form. */
        public String csrf() {
            Matcher meta = CSRF_META.matcher(body);
            if (!meta.find()) {
                throw new AssertionError("the page has no csrf-token meta tag:\n" + body);
            }
            return meta.group(1);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
