package org.paydesk.it.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.paydesk.it.hosted.PaymentMethodLinks.SentLink;
import org.paydesk.it.support.Deployments;
import org.paydesk.it.support.HeadlessChromium;
import org.paydesk.it.support.Fixtures;
import org.paydesk.it.support.TestMail;

/**
 * A customer in a real browser: Debian's headless Chromium, driven through Debian's chromedriver by Selenium (both
 * named explicitly, so Selenium Manager never downloads a browser or a driver), opens the link from the mail,
 * fills the sandbox card form, saves it, and finds the link spent when opening it again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserPaymentMethodIT {

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
        chromium = HeadlessChromium.start(900, 1100);
        browser = chromium.browser();
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_customer_adds_a_card_through_the_emailed_link_and_the_link_is_then_spent() throws IOException {
        PaymentMethodLinks links = new PaymentMethodLinks(deployment);
        long customerId = links.customerNamed("Hollis Supply " + Fixtures.unique("b"));
        SentLink sent = links.request(customerId, TestMail.uniqueAddress("browser"));

        browser.get(sent.link());

        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        WebElement number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-number")));
        assertTrue(browser.getTitle().startsWith("Add a payment method for Hollis Supply"), browser.getTitle());
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Hollis Supply"));
        awaitStatus(links, sent, "OPENED");

        number.sendKeys("4242424242424242");
        browser.findElement(By.id("card-exp-month")).sendKeys("12");
        browser.findElement(By.id("card-exp-year")).sendKeys("2034");
        browser.findElement(By.id("card-cvc")).sendKeys("123");
        Path screenshot = screenshotsFolder().resolve("payment-method-form.png");
        Files.write(screenshot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("save-button")).click();

        WebElement saved = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        assertEquals("Thank you, your card ending 4242 is saved", saved.getText());
        assertFalse(browser.getPageSource().contains("4242424242424242"));
        Files.write(screenshotsFolder().resolve("payment-method-saved.png"),
                ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        JsonArray methods = links.methods(customerId);
        assertEquals(1, methods.size(), methods::toString);
        assertEquals("4242", methods.getJsonObject(0).getString("last4"));
        assertEquals(12, methods.getJsonObject(0).getInt("expMonth"));
        assertEquals(2034, methods.getJsonObject(0).getInt("expYear"));
        assertEquals("COMPLETED", links.status(sent));

        browser.get(sent.link());

        WebElement gone = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertEquals("This link can no longer be used", gone.getText());
        assertTrue(browser.getPageSource().contains("please ask the company that sent it for a new one"));
        assertFalse(browser.getPageSource().contains("Hollis Supply"));
        assertNoPolicyViolations();
    }

    /** The page's script and style all load under the Content-Security-Policy: the console reports no violation. */
    private void assertNoPolicyViolations() {
        List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
        List<String> violations = entries.stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertEquals(List.of(), violations, "browser console: " + entries);
    }

    private static void awaitStatus(PaymentMethodLinks links, SentLink sent, String expected) {
        Instant deadline = Instant.now().plus(WAIT);
        String status = links.status(sent);
        while (!expected.equals(status) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            status = links.status(sent);
        }
        assertEquals(expected, status, "the page's script reports that it was opened");
    }

    private static Path screenshotsFolder() throws IOException {
        Path folder = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
        return Files.createDirectories(folder);
    }
}
