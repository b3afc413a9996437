package org.paydesk.adapters.processor.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.out.PaymentDetailsTokenizer;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodVault;
import org.paydesk.application.payment.port.out.RefundProcessor;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;

/** How the container builds the sandbox: which beans, which config keys and defaults, which scheduler. */
class SandboxWiringTest {

    @Test
    void the_sandbox_is_one_application_scoped_bean_for_all_its_processor_ports() {
        assertTrue(SandboxPaymentProcessor.class.isAnnotationPresent(ApplicationScoped.class));
        assertTrue(PaymentProcessor.class.isAssignableFrom(SandboxPaymentProcessor.class));
        assertTrue(PaymentDetailsTokenizer.class.isAssignableFrom(SandboxPaymentProcessor.class));
        assertTrue(PaymentMethodVault.class.isAssignableFrom(SandboxPaymentProcessor.class));
        assertTrue(RefundProcessor.class.isAssignableFrom(SandboxPaymentProcessor.class));
        // A bean of its own class only: the ports are injected through SelectedProcessor, which delegates to it.
        assertArrayEquals(new Class<?>[] {SandboxPaymentProcessor.class},
                SandboxPaymentProcessor.class.getAnnotation(Typed.class).value());
    }

    @Test
    void a_token_the_bean_issues_is_one_the_same_bean_charges_and_attaches() {
        Sandbox sandbox = new Sandbox();
        PaymentProcessor processor = sandbox.processor;
        PaymentDetailsTokenizer tokenizer = sandbox.processor;
        PaymentMethodVault vault = sandbox.processor;
        String token = tokenizer.tokenizeCard(new CardDetails("4242424242424242", 12, 2034, "123")).token();

        assertEquals("4242", vault.attach(new PaymentMethod(PaymentMethodType.CARD, token), new CustomerId(3))
                .last4());
        assertInstanceOf(PaymentOutcome.Succeeded.class, processor.charge(
                Sandbox.request(Sandbox.newKey(), 3, "10.00", PaymentMethodType.CARD, token)));
        assertEquals(Optional.of(new CustomerId(3)), sandbox.processor.attachedTo(token));
    }

    @Test
    void cdi_can_proxy_it_through_a_protected_constructor_without_arguments() throws Exception {
        Constructor<SandboxPaymentProcessor> forProxies = SandboxPaymentProcessor.class.getDeclaredConstructor();

        assertTrue(Modifier.isProtected(forProxies.getModifiers()));
    }

    @Test
    void the_injected_constructor_reads_the_documented_config_keys_with_their_defaults() {
        Constructor<?> injected = Arrays.stream(SandboxPaymentProcessor.class.getConstructors())
                .filter(c -> c.isAnnotationPresent(Inject.class)).findFirst().orElseThrow();
        List<String> keys = new ArrayList<>();
        for (Parameter parameter : injected.getParameters()) {
            ConfigProperty config = parameter.getAnnotation(ConfigProperty.class);
            if (config != null) {
                keys.add(config.name() + "=" + config.defaultValue());
            }
        }

        assertEquals(List.of("paydesk.sandbox.latency-ms=0", "paydesk.sandbox.ach-settlement-seconds=5"), keys);
        assertEquals(SandboxSettings.defaults(), SandboxSettings.of(0, 5));
    }

    @Test
    void the_configured_values_become_the_settings() {
        SandboxSettings settings = SandboxSettings.of(250, 2);

        assertEquals(Duration.ofMillis(250), settings.latency());
        assertEquals(Duration.ofSeconds(2), settings.achSettlementDelay());
        assertTrue(settings.reportAttempts() > 1, "a settlement is reported more than once if need be");
    }

    @Test
    void negative_settings_are_refused_at_startup() {
        IllegalArgumentException latency = assertThrows(IllegalArgumentException.class,
                () -> SandboxSettings.of(-1, 5));
        IllegalArgumentException settlement = assertThrows(IllegalArgumentException.class,
                () -> SandboxSettings.of(0, -5));

        assertTrue(latency.getMessage().contains("paydesk.sandbox.latency-ms"), latency.getMessage());
        assertTrue(settlement.getMessage().contains("paydesk.sandbox.ach-settlement-seconds"),
                settlement.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SandboxSettings.defaults().withReports(0, Duration.ZERO));
    }

    @Test
    void the_managed_scheduler_is_injected_from_the_servers_default_by_its_global_name() throws Exception {
        Resource resource = ManagedSettlementScheduler.class.getDeclaredField("executor").getAnnotation(Resource.class);

        assertNotNull(resource);
        assertEquals("java:jboss/ee/concurrency/scheduler/default", resource.lookup());
        assertTrue(ManagedSettlementScheduler.class.isAnnotationPresent(ApplicationScoped.class));
    }

    @Test
    void the_managed_scheduler_hands_the_task_and_delay_to_the_servers_executor() {
        List<Object[]> calls = new ArrayList<>();
        ManagedScheduledExecutorService executor = (ManagedScheduledExecutorService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("schedule")) {
                        calls.add(args);
                    }
                    return null;
                });
        Runnable task = () -> { };

        new ManagedSettlementScheduler(executor).schedule(task, Duration.ofSeconds(5));

        assertEquals(1, calls.size());
        assertEquals(List.of(task, 5_000L, TimeUnit.MILLISECONDS), Arrays.asList(calls.get(0)));
    }

    @Test
    void beans_are_discovered_only_where_annotated() throws IOException {
        try (InputStream beans = getClass().getResourceAsStream("/META-INF/beans.xml")) {
            assertNotNull(beans, "META-INF/beans.xml is packaged");
            assertTrue(new String(beans.readAllBytes(), StandardCharsets.UTF_8)
                    .contains("bean-discovery-mode=\"annotated\""));
        }
    }
}
