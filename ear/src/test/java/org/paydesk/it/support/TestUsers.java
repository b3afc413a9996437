package org.paydesk.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One user per role in the provisioned server's file realm, each with a password generated for this test run, the
 * same way {@code ./paydesk run} does it. Written before the container starts (see {@link InstallTestUsers}).
 */
public final class TestUsers {

    public static final List<String> STAFF_ROLES = List.of("ADMIN", "ACCOUNTS_PAYABLE", "ACCOUNTS_RECEIVABLE",
            "CASHIER", "CREDIT_MANAGER", "SALES", "SALES_ALLOCATIONS", "SALES_MANAGER");
    public static final List<String> ALL_ROLES = List.of("ADMIN", "ACCOUNTS_PAYABLE", "ACCOUNTS_RECEIVABLE",
            "CASHIER", "CREDIT_MANAGER", "SALES", "SALES_ALLOCATIONS", "SALES_MANAGER", "BUYER", "INTEGRATION");

    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

    private TestUsers() {
    }

    public static String user(String role) {
        return "it-" + role.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static synchronized String password(String role) {
        String password = PASSWORDS.get(role);
        if (password == null) {
            throw new IllegalStateException("test users were not installed (InstallTestUsers did not run)");
        }
        return password;
    }

    static synchronized void install(Path serverHome) {
        SecureRandom random = new SecureRandom();
        StringBuilder users = new StringBuilder("#$REALM_NAME=ApplicationRealm$\n");
        StringBuilder roles = new StringBuilder();
        for (String role : ALL_ROLES) {
            byte[] secret = new byte[18];
            random.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            PASSWORDS.put(role, password);
            users.append(user(role)).append('=').append(md5Hex(user(role) + ":ApplicationRealm:" + password))
                    .append('\n');
            roles.append(user(role)).append('=').append(role).append('\n');
        }
        Path configuration = serverHome.resolve("standalone/configuration");
        try {
            Files.writeString(configuration.resolve("application-users.properties"), users, StandardCharsets.UTF_8);
            Files.writeString(configuration.resolve("application-roles.properties"), roles, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test users into " + configuration, e);
        }
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
