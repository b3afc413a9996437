package org.paydesk.it.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.paydesk.it.support.TestMail;

/**
 * After every other test of the run (this class is ordered last, see junit-platform.properties): no card or bank
 * account number that the tests typed anywhere may appear in what Paydesk keeps or sends: the H2 database files, the
 * server log, and every mail the run's SMTP server received. Each source must be non-empty, so the scan could fail.
 */
@Order(Integer.MAX_VALUE)
class CardDataScanIT {

    /** Every 13-19 digit number in the ear test sources (grep -rhoE '[0-9]{13,19}' src/test/java). */
    static final List<String> TEST_CARD_NUMBERS = List.of(
            "4242424242424242", "5555555555554444", "4000000000000002", "4000000000009995", "4000000000000077",
            "4000002500003155", "4000000000000341", "4000000000003220", "4111111111111111");
    /** Stripe's test US bank accounts that the tests use. */
    static final List<String> TEST_ACCOUNT_NUMBERS = List.of("000123456789", "000111111116");

    private static final Pattern QUOTED_CARD_NUMBER = Pattern.compile("\"(\\d{13,19})\"");

    private static Path serverHome;
    private static Set<String> numbers;

    @BeforeAll
    static void whatToLookFor() throws IOException {
        String home = System.getProperty("jboss.home");
        assertTrue(home != null && Files.isDirectory(Path.of(home)), "jboss.home must point at the tested server");
        serverHome = Path.of(home);
        numbers = new TreeSet<>(TEST_CARD_NUMBERS);
        numbers.addAll(TEST_ACCOUNT_NUMBERS);
        numbers.addAll(cardNumbersInTestSources());
    }

    @Test
    void the_database_files_hold_no_card_or_account_number() throws IOException {
        List<Path> databases;
        try (Stream<Path> files = Files.list(serverHome.resolve("standalone/data"))) {
            databases = files.filter(path -> path.getFileName().toString().startsWith("paydesk")
                    && path.getFileName().toString().endsWith(".db")).toList();
        }
        assertFalse(databases.isEmpty(), "no paydesk*.db under standalone/data: the datasource moved?");
        long scanned = 0;
        for (Path database : databases) {
            byte[] bytes = Files.readAllBytes(database);
            scanned += bytes.length;
            assertNoneIn(database.toString(), new String(bytes, StandardCharsets.ISO_8859_1));
            // H2 may also keep strings as UTF-16 in places; look for that spelling too.
            assertNoneIn(database + " (UTF-16)", new String(bytes, StandardCharsets.UTF_16BE));
            assertNoneIn(database + " (UTF-16, odd offset)",
                    new String(bytes, 1, Math.max(0, bytes.length - 1), StandardCharsets.UTF_16BE));
        }
        assertTrue(scanned > 0, "the database files are empty: " + databases);
        System.out.printf("card data scan: %d bytes in %s, %d numbers%n", scanned, databases, numbers.size());
    }

    @Test
    void the_server_log_holds_no_card_or_account_number() throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(serverHome.resolve("standalone/log"))) {
            logs = files.filter(path -> path.getFileName().toString().startsWith("server.log")).toList();
        }
        assertTrue(logs.stream().anyMatch(path -> path.getFileName().toString().equals("server.log")), logs::toString);
        long scanned = 0;
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            scanned += text.length();
            assertNoneIn(log.toString(), text);
        }
        assertTrue(scanned > 0, "the server log is empty");
        System.out.printf("card data scan: %d characters in %s, %d numbers%n", scanned, logs, numbers.size());
    }

    @Test
    void no_mail_holds_a_card_or_account_number() {
        List<MimeMessage> mails = TestMail.all();
        assertFalse(mails.isEmpty(), "no mail was received in this run: the scan would prove nothing");
        for (int i = 0; i < mails.size(); i++) {
            MimeMessage mail = mails.get(i);
            assertNoneIn("mail " + i + " (as sent)", new String(TestMail.raw(mail), StandardCharsets.ISO_8859_1));
            assertNoneIn("mail " + i + " (decoded)", TestMail.allTextOf(mail));
        }
        System.out.printf("card data scan: %d mails, %d numbers%n", mails.size(), numbers.size());
    }

    @Test
    void the_scan_finds_a_number_where_there_is_one() {
        String planted = "log line ... card=" + TEST_CARD_NUMBERS.get(0) + " ...";
        AssertionError caught = null;
        try {
            assertNoneIn("a planted line", planted);
        } catch (AssertionError expected) {
            caught = expected;
        }
        assertTrue(caught != null && caught.getMessage().contains("4242"), "the matcher itself works");
        assertTrue(numbers.containsAll(TEST_CARD_NUMBERS) && numbers.containsAll(TEST_ACCOUNT_NUMBERS));
    }

    /** Runs of digits, ignoring spaces and dashes inside them as people and logs write card numbers. */
    private static void assertNoneIn(String where, String text) {
        String digitsOnly = text.replaceAll("(?<=\\d)[ -](?=\\d)", "");
        List<String> found = new ArrayList<>();
        for (String number : numbers) {
            if (text.contains(number) || digitsOnly.contains(number)) {
                found.add(number);
            }
        }
        assertEquals(List.of(), found, () -> where + " contains test card or account numbers");
    }

    /**
     * Card-like numbers (quoted 13-19 digits passing the Luhn check) in the test sources, so a card a later test
     * starts using is scanned for even if nobody adds it to {@link #TEST_CARD_NUMBERS}.
     */
    private static Set<String> cardNumbersInTestSources() throws IOException {
        Set<String> found = new TreeSet<>();
        Path sources = Path.of(System.getProperty("basedir", "."), "src/test/java");
        if (!Files.isDirectory(sources)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher number = QUOTED_CARD_NUMBER.matcher(Files.readString(file));
                while (number.find()) {
                    if (passesLuhn(number.group(1))) {
                        found.add(number.group(1));
                    }
                }
            }
        }
        return found;
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
