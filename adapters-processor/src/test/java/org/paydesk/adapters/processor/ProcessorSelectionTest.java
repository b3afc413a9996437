package org.paydesk.adapters.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.adapters.processor.sandbox.SandboxAccess;
import org.paydesk.adapters.processor.sandbox.SandboxPaymentProcessor;
import org.paydesk.adapters.processor.sandbox.SandboxSettings;
import org.paydesk.adapters.processor.stripe.StripePaymentProcessor;
import org.paydesk.adapters.processor.stripe.StripeSettings;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.InvalidProcessorEventException;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.port.out.ProcessorEventReader;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.out.PaymentDetailsTokenizer;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodSetup;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodVault;
import org.paydesk.application.payment.port.out.RefundProcessor;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.shared.Money;

/**
 * How {@code paydesk.processor} picks the processor: one bean of each port type (the selector), both implementations
 * beans of their own class only, only the chosen one ever created, and what each mode refuses.
 */
class ProcessorSelectionTest {

    private static final List<Class<?>> PORTS = List.of(PaymentProcessor.class, PaymentMethodVault.class,
            PaymentDetailsTokenizer.class, PaymentMethodSetup.class, RefundProcessor.class, ProcessorEventReader.class);

    @Test
    void the_selector_is_the_only_bean_of_each_port_type() {
        assertTrue(SelectedProcessor.class.isAnnotationPresent(ApplicationScoped.class));
        assertNull(SelectedProcessor.class.getAnnotation(Typed.class), "a bean of all its types");
        for (Class<?> port : PORTS) {
            assertTrue(port.isAssignableFrom(SelectedProcessor.class), port::getName);
        }
        assertArrayEquals(new Class<?>[] {SandboxPaymentProcessor.class},
                SandboxPaymentProcessor.class.getAnnotation(Typed.class).value());
        assertArrayEquals(new Class<?>[] {StripePaymentProcessor.class},
                StripePaymentProcessor.class.getAnnotation(Typed.class).value());
        assertTrue(StripePaymentProcessor.class.isAnnotationPresent(ApplicationScoped.class));
        assertFalse(PaymentDetailsTokenizer.class.isAssignableFrom(StripePaymentProcessor.class),
                "Stripe tokenizes in the browser");
        assertFalse(PaymentMethodSetup.class.isAssignableFrom(SandboxPaymentProcessor.class));
    }

    @Test
    void the_selector_reads_paydesk_processor_with_sandbox_as_default_and_takes_both_as_instances() {
        Constructor<?> injected = Arrays.stream(SelectedProcessor.class.getConstructors())
                .filter(c -> c.isAnnotationPresent(Inject.class)).findFirst().orElseThrow();
        Parameter[] parameters = injected.getParameters();

        ConfigProperty config = parameters[0].getAnnotation(ConfigProperty.class);
        assertEquals("paydesk.processor", config.name());
        assertEquals("sandbox", config.defaultValue());
        assertEquals(Instance.class, parameters[1].getType());
        assertEquals(Instance.class, parameters[2].getType());
        assertTrue(Modifier.isProtected(assertDoesNotThrow(() -> SelectedProcessor.class.getDeclaredConstructor())
                .getModifiers()));
    }

    @Test
    void the_stripe_bean_reads_the_documented_keys_and_needs_no_secret_key_to_be_deployed() {
        Constructor<?> injected = Arrays.stream(StripePaymentProcessor.class.getConstructors())
                .filter(c -> c.isAnnotationPresent(Inject.class)).findFirst().orElseThrow();
        List<String> keys = Arrays.stream(injected.getParameters())
                .map(p -> p.getAnnotation(ConfigProperty.class))
                .map(c -> c.name() + (ConfigProperty.UNCONFIGURED_VALUE.equals(c.defaultValue()) ? ""
                        : "=" + c.defaultValue()))
                .toList();

        assertEquals(List.of("paydesk.stripe.api-base=https://api.stripe.com", "paydesk.stripe.secret-key",
                "paydesk.stripe.publishable-key", "paydesk.stripe.webhook-secret",
                "paydesk.stripe.connect-timeout-ms=5000", "paydesk.stripe.read-timeout-ms=30000",
                "paydesk.stripe.retry-budget-ms=10000"), keys);
        // Keys without a default are Optional, so a sandbox deployment without Stripe settings still starts.
        assertEquals(java.util.Optional.class, injected.getParameters()[1].getType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sandbox", "SANDBOX", " sandbox "})
    void in_sandbox_mode_every_port_goes_to_the_sandbox_and_stripe_is_never_created(String mode) {
        AtomicInteger stripeCreated = new AtomicInteger();
        SandboxPaymentProcessor sandbox = aSandbox();
        SelectedProcessor selected = new SelectedProcessor(mode, () -> sandbox, () -> {
            stripeCreated.incrementAndGet();
            throw new AssertionError("stripe must not be created in sandbox mode");
        });

        String token = selected.tokenizeCard(new CardDetails("4242424242424242", 12, 2034, "123")).token();
        assertEquals("4242", selected.attach(new PaymentMethod(PaymentMethodType.CARD, token), new CustomerId(5))
                .last4());
        PaymentOutcome outcome = selected.charge(new ChargeRequest("k-1", new PaymentId(9), new CustomerId(5),
                Money.parse("10.00", "USD"), new PaymentMethod(PaymentMethodType.CARD, token), "d"));
        assertInstanceOf(PaymentOutcome.Succeeded.class, outcome);
        assertEquals(1, selected.chargesFor(new PaymentId(9)).size());
        assertEquals(ProcessorCharge.State.SUCCEEDED, selected.lookup(outcome.processorReference()).orElseThrow()
                .state());
        assertEquals(Set.of(PaymentMethodType.APPLE_PAY, PaymentMethodType.GOOGLE_PAY), selected.supportedWallets());
        assertNotNull(selected.refund(new org.paydesk.application.payment.port.out.RefundRequest(
                outcome.processorReference(), Money.parse("1.00", "USD"), "r-1")).processorRefundId());
        assertEquals("sandbox", selected.processorName());
        assertEquals(0, stripeCreated.get());
    }

    @Test
    void in_sandbox_mode_a_browser_setup_is_unsupported_with_a_clear_message() {
        SelectedProcessor selected = new SelectedProcessor("sandbox", ProcessorSelectionTest::aSandbox, () -> null);

        UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                () -> selected.startSetup(new CustomerId(1)));

        assertTrue(refused.getMessage().contains("paydesk.processor=stripe"), refused.getMessage());
    }

    @Test
    void in_sandbox_mode_every_webhook_is_refused_because_the_sandbox_sends_none() {
        SelectedProcessor selected = new SelectedProcessor("sandbox", ProcessorSelectionTest::aSandbox, () -> {
            throw new AssertionError("stripe must not be created in sandbox mode");
        });

        InvalidProcessorEventException refused = assertThrows(InvalidProcessorEventException.class,
                () -> selected.read("{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"charge.succeeded\"}",
                        "t=1,v1=00"));

        assertTrue(refused.getMessage().contains("sandbox processor sends no webhooks"), refused.getMessage());
    }

    @Test
    void in_stripe_mode_the_ports_go_to_stripe_and_the_sandbox_is_never_created() {
        StripePaymentProcessor stripe = new StripePaymentProcessor(StripeSettings.of("http://127.0.0.1:9",
                "sk_test_selection", null, null, 200, 200, 0));
        SelectedProcessor selected = new SelectedProcessor("stripe", () -> {
            throw new AssertionError("the sandbox must not be created in stripe mode");
        }, () -> stripe);

        assertEquals(Set.of(PaymentMethodType.APPLE_PAY, PaymentMethodType.GOOGLE_PAY), selected.supportedWallets());
        // Nothing listens on port 9: the charge goes to Stripe's client, which gets no answer.
        assertInstanceOf(PaymentOutcome.Unknown.class, selected.charge(new ChargeRequest("k-2", new PaymentId(9),
                new CustomerId(5), Money.parse("10.00", "USD"),
                new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa"), "d")));
        IllegalStateException lookup = assertThrows(IllegalStateException.class, () -> selected.lookup("pi_1"));
        assertTrue(lookup.getMessage().startsWith("Stripe could not"), lookup.getMessage());
        // This Stripe has no webhook secret: the refusal is Stripe's own, so the call went to Stripe.
        IllegalStateException read = assertThrows(IllegalStateException.class, () -> selected.read("{}", "t=1"));
        assertTrue(read.getMessage().contains("paydesk.stripe.webhook-secret"), read.getMessage());
        assertEquals("stripe", selected.processorName());
    }

    @Test
    void in_stripe_mode_the_tokenizer_refuses_saying_stripe_tokenizes_in_the_browser() {
        SelectedProcessor selected = new SelectedProcessor("stripe", () -> null, () -> null);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> selected.tokenizeCard(
                new CardDetails("4242424242424242", 12, 2034, "123")));

        assertTrue(refused.getMessage().contains("Stripe.js"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> selected.tokenizeBankAccount(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "stripe-test", "braintree"})
    void an_unknown_processor_name_is_refused_at_startup(String mode) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new SelectedProcessor(mode, () -> null, () -> null));

        assertTrue(refused.getMessage().contains("paydesk.processor"), refused.getMessage());
    }

    private static SandboxPaymentProcessor aSandbox() {
        return SandboxAccess.sandbox(SandboxSettings.defaults());
    }

    private static <T> T assertDoesNotThrow(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
