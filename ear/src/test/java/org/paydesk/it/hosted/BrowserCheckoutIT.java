package org.paydesk.it.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
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
import org.paydesk.it.hosted.CheckoutShop.Buyer;
import org.paydesk.it.support.Deployments;
import org.paydesk.it.support.HeadlessChromium;

/**
 * A buyer checks out in a real browser: Debian's headless Chromium through Debian's chromedriver (as in
 * {@link BrowserPaymentMethodIT}). The buyer signs in with HTTP Basic by opening the page with the credentials in
 * the URL (a top-level navigation, which Chromium still allows; it then sends them to the page's own requests and
 * answers the API's challenge for the sandbox tokenizer from its cache for the realm). Screenshots of each end
 * state go to {@code ear/target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserCheckoutIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private CheckoutShop shop;
    private Buyer buyer;
    private long cartId;

    @BeforeEach
    void startChromiumAndFillACart() throws IOException {
        chromium = HeadlessChromium.start(900, 1300);
        browser = chromium.browser();

        shop = new CheckoutShop(deployment);
        buyer = shop.newBuyer();
        cartId = shop.cart(buyer);
        shop.setQuantity(buyer, cartId, shop.item("Cordless drill", "89.00"), 1);
        shop.setQuantity(buyer, cartId, shop.item("Drill bits, set of 10", "12.50"), 2);
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_buyer_pays_by_card_and_sees_the_order_confirmed() throws IOException {
        openCheckout();
        assertEquals("$114.00", browser.findElement(By.id("cart-total")).getText());

        enterCard("4242 4242 4242 4242");
        screenshot("checkout-form.png");
        browser.findElement(By.id("pay-button")).click();

        WebElement outcome = await(By.id("outcome"));
        screenshot("checkout-paid.png");
        assertEquals("succeeded", outcome.getAttribute("data-outcome"), browser.getPageSource());
        assertEquals("Thank you, your order is confirmed", outcome.getText());
        assertEquals("$114.00", browser.findElement(By.id("amount")).getText());
        assertEquals("Card", browser.findElement(By.id("method")).getText());
        assertFalse(browser.getPageSource().contains("4242424242424242"));
        long orderId = Long.parseLong(outcome.getAttribute("data-order-id"));
        JsonObject order = shop.order(orderId);
        assertEquals("CONFIRMED", order.getString("status"), order::toString);
        assertEquals(order.getString("number"), browser.findElement(By.id("order-number")).getText());
        assertNoPolicyViolations();
    }

    @Test
    void wallet_buttons_show_only_while_card_is_chosen_and_are_gone_when_admin_disables_wallets()
            throws IOException {
        String walletsBefore = shop.wallets();
        try {
            shop.setWallets("[\"APPLE_PAY\", \"GOOGLE_PAY\"]");
            openCheckout();
            WebElement wallets = browser.findElement(By.id("wallet-buttons"));
            assertTrue(wallets.isDisplayed(), "card is chosen when the page opens");
            assertTrue(browser.findElement(By.id("apple-pay-button")).isDisplayed());
            assertTrue(browser.findElement(By.id("google-pay-button")).isDisplayed());
            screenshot("checkout-wallets-card.png");

            browser.findElement(By.id("method-ach")).click();
            assertFalse(wallets.isDisplayed(), "no wallet buttons while ACH is chosen");
            assertFalse(browser.findElement(By.id("card-number")).isDisplayed());
            assertTrue(browser.findElement(By.id("ach-account")).isDisplayed());
            screenshot("checkout-wallets-ach.png");

            browser.findElement(By.id("method-card")).click();
            assertTrue(wallets.isDisplayed(), "back to card, the wallets are back");

            shop.setWallets("[]");
            browser.navigate().refresh();
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("card-number")));
            assertEquals(List.of(), browser.findElements(By.id("wallet-buttons")), "no wallets enabled, no buttons");
            assertEquals(List.of(), browser.findElements(By.cssSelector("button.wallet")));
            screenshot("checkout-wallets-disabled.png");
            assertNoPolicyViolations();
        } finally {
            shop.setWallets(walletsBefore);
        }
    }

    @Test
    void a_buyer_pays_through_the_sandbox_apple_pay_sheet() throws IOException {
        String walletsBefore = shop.wallets();
        try {
            shop.setWallets("[\"APPLE_PAY\", \"GOOGLE_PAY\"]");
            openCheckout();
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            browser.findElement(By.id("apple-pay-button")).click();
            WebElement sheet = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wallet-sheet")));
            assertEquals("Apple Pay (sandbox)", sheet.findElement(By.id("wallet-sheet-title")).getText());
            screenshot("checkout-apple-pay-sheet.png");
            browser.findElement(By.id("wallet-sheet-pay")).click();

            WebElement outcome = await(By.id("outcome"));
            screenshot("checkout-apple-pay-paid.png");
            assertEquals("succeeded", outcome.getAttribute("data-outcome"), browser.getPageSource());
            assertEquals("Apple Pay", browser.findElement(By.id("method")).getText());
            long paymentId = Long.parseLong(outcome.getAttribute("data-payment-id"));
            assertEquals("apple_pay", shop.payment(paymentId).getJsonObject("paymentMethod").getString("type"));
            assertEquals("CONFIRMED",
                    shop.order(Long.parseLong(outcome.getAttribute("data-order-id"))).getString("status"));
        } finally {
            shop.setWallets(walletsBefore);
        }
    }

    @Test
    void a_decline_is_shown_with_its_reason_and_the_order_stays_open() throws IOException {
        openCheckout();

        enterCard("4000 0000 0000 0002");
        browser.findElement(By.id("pay-button")).click();

        WebElement error = await(By.id("server-error"));
        screenshot("checkout-declined.png");
        assertTrue(error.getText().startsWith("Your card was declined."), error.getText());
        assertEquals("generic_decline", browser.findElement(By.id("decline-reason")).getText());
        assertTrue(browser.findElement(By.id("pay-button")).isEnabled(), "the form is there to retry");
        assertEquals("", browser.findElement(By.id("card-number")).getAttribute("value"));
        JsonObject cart = shop.cartOf(buyer, cartId);
        long orderId = cart.getJsonNumber("orderId").longValue();
        assertEquals("OPEN", shop.order(orderId).getString("status"));
        assertNoPolicyViolations();
    }

    /**
     * Opens the checkout signed in as the buyer: credentials in the URL of a top-level navigation, which puts them
     * in Chromium's cache for the realm; then the same page without them, as a signed-in buyer has it.
     */
    private void openCheckout() throws IOException {
        URI page = URI.create(deployment.toString()).resolve("/pay/checkout/" + cartId);
        browser.get(page.getScheme() + "://" + buyer.login() + ":" + buyer.password() + "@" + page.getHost() + ":"
                + page.getPort() + page.getRawPath());
        await(By.id("pay-button"));
        browser.get(page.toString());
        await(By.id("pay-button"));
        assertTrue(browser.getTitle().startsWith("Checkout"), browser.getTitle() + "\n" + browser.getPageSource());
    }

    /** Waits for the element; when it does not come, fails with what the page and the console show instead. */
    private WebElement await(By locator) throws IOException {
        try {
            return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (org.openqa.selenium.TimeoutException timeout) {
            screenshot("checkout-timeout.png");
            throw new AssertionError(locator + " did not appear on " + browser.getCurrentUrl() + "\nconsole: "
                    + browser.manage().logs().get(LogType.BROWSER).getAll() + "\npage:\n" + browser.getPageSource(),
                    timeout);
        }
    }

    private void enterCard(String number) {
        browser.findElement(By.id("card-number")).sendKeys(number);
        browser.findElement(By.id("card-exp-month")).sendKeys("12");
        browser.findElement(By.id("card-exp-year")).sendKeys("2034");
        browser.findElement(By.id("card-cvc")).sendKeys("123");
    }

    /** The page's script and style all load under the Content-Security-Policy: the console reports no violation. */
    private void assertNoPolicyViolations() {
        List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
        List<String> violations = entries.stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertEquals(List.of(), violations, "browser console: " + entries);
    }

    private void screenshot(String name) throws IOException {
        Path folder = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "screenshots"));
        Files.write(folder.resolve(name), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }
}
