package org.paydesk.it.paymentlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paydesk.it.paymentlink.PaymentLinks.Sent;
import org.paydesk.it.support.Deployments;
import org.paydesk.it.support.HeadlessChromium;
import org.paydesk.it.support.Fixtures;

/**
 * A customer in a real browser (Debian's headless Chromium through Selenium, as in the payment-method form's test)
 * opens the Pay link from the invoice mail, pays with the sandbox test card 4242…, and sees the invoice paid; the
 * page's script (tokenize, then post the token) runs under the page's Content-Security-Policy.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserPaymentLinkIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startChromium() throws IOException {
        chromium = HeadlessChromium.start(900, 1300);
        browser = chromium.browser();
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_customer_pays_the_invoice_from_the_emailed_link_with_a_test_card_and_sees_it_paid() throws IOException {
        PaymentLinks links = new PaymentLinks(deployment);
        Fixtures fixtures = links.fixtures;
        long customerId = fixtures.customer();
        long invoice = fixtures.invoices(customerId, "2026-12-31:249.99")[0];
        String number = links.invoiceNumber(invoice);
        Sent sent = links.invoiceLink(invoice);

        browser.get(sent.link());

        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        WebElement cardNumber = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-number")));
        assertEquals("Invoice " + number, browser.findElement(By.tagName("h1")).getText());
        assertEquals("$249.99", browser.findElement(By.id("link-total")).getText());
        wait.until(driver -> fixtures.invoice(invoice) != null && linkOpened(links, sent));

        cardNumber.sendKeys("4242424242424242");
        browser.findElement(By.id("card-exp-month")).sendKeys("12");
        browser.findElement(By.id("card-exp-year")).sendKeys("2034");
        browser.findElement(By.id("card-cvc")).sendKeys("123");
        Files.write(screenshotsFolder().resolve("payment-link-form.png"),
                ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("pay-button")).click();

        WebElement outcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome")));
        assertEquals("Thank you, your payment is complete", outcome.getText());
        assertEquals("$249.99", browser.findElement(By.id("amount")).getText());
        assertFalse(browser.getPageSource().contains("4242424242424242"));
        Files.write(screenshotsFolder().resolve("payment-link-paid.png"),
                ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        assertEquals("0.00", fixtures.openBalance(invoice));

        browser.get(sent.link());

        WebElement paid = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome")));
        assertEquals("This invoice is paid", paid.getText());
        assertTrue(browser.findElements(By.id("pay-button")).isEmpty(), "a paid link offers no Pay button");
        Files.write(screenshotsFolder().resolve("payment-link-already-paid.png"),
                ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        assertNoPolicyViolations();
    }

    /** The page's beacon recorded the first opening: staff see when the link stops working. */
    private static boolean linkOpened(PaymentLinks links, Sent sent) {
        return links.cashier.get("/api/v1/payment-links/" + sent.linkId()).status() == 200
                && !links.cashier.get("/api/v1/payment-links/" + sent.linkId()).json().isNull("openedAt");
    }

    private void assertNoPolicyViolations() {
        List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
        List<String> violations = entries.stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertEquals(List.of(), violations, "browser console: " + entries);
    }

    private static Path screenshotsFolder() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "screenshots"));
    }
}
