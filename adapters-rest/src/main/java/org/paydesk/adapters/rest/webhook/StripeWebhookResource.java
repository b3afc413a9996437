package org.paydesk.adapters.rest.webhook;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.paydesk.adapters.rest.shared.Problems;
import org.paydesk.application.payment.port.in.ReceiveProcessorEventUseCase;
import org.paydesk.application.payment.port.out.InvalidProcessorEventException;

/**
 * Stripe's webhook endpoint. No sign-in: the {@code Stripe-Signature} over the raw body, with the endpoint's signing
 * secret and a timestamp tolerance, is the only authority. A bad, missing or old signature is {@code 400} and changes
 * nothing; an event applied before answers {@code 200} again; an event that cannot be applied now (the processor
 * cannot be asked) fails with {@code 5xx} and nothing recorded, so Stripe sends it again.
 */
@Path("/webhooks/stripe")
@RequestScoped
public class StripeWebhookResource {

    @Inject
    ReceiveProcessorEventUseCase events;

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam("Stripe-Signature") String signature, byte[] body) {
        // The signature covers the bytes Stripe sent; decode them exactly, never through a JSON reader.
        String payload = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        try {
            ReceiveProcessorEventUseCase.Receipt receipt = events.receive(payload, signature);
            return Response.ok(Map.of("received", true, "result", receipt.name().toLowerCase(Locale.ROOT)))
                    .type(MediaType.APPLICATION_JSON).build();
        } catch (InvalidProcessorEventException refused) {
            return Problems.invalid("invalid_signature", "Stripe-Signature", refused.getMessage());
        }
    }
}
