package org.paydesk.application.paymentlink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.paydesk.application.fake.InMemoryPaymentLinkRepository;
import org.paydesk.application.fake.InMemorySalesOrderRepository;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.notification.Notification;
import org.paydesk.application.notification.port.out.Outbox;
import org.paydesk.application.notification.port.out.OutboxEntry;
import org.paydesk.application.payment.PaymentDesk;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;
import org.paydesk.application.paymentmethod.port.out.PaymentDetailsTokenizer;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentMethodType;

/** Payment links wired to the payment desk's fakes, with a recording outbox and predictable secrets. */
final class LinkDesk {

    final PaymentDesk payments = new PaymentDesk();
    final InMemoryPaymentLinkRepository links = new InMemoryPaymentLinkRepository();
    final RecordingOutbox outbox = new RecordingOutbox();
    final InMemorySalesOrderRepository orders = new InMemorySalesOrderRepository();
    private int secrets;
    private int keys;
    final PaymentLinkService service = new PaymentLinkService(payments.customers, payments.receivables, links,
            () -> "secret-for-link-number-" + (++secrets), outbox, new SandboxTokens(), payments.receiving,
            payments.idempotency, payments.audit, payments.time, orders);

    /** Renders what the hosted page keeps: the payment's id and status. */
    final Function<Payment, StoredResponse> render = payment -> new StoredResponse(
            payment.status().name().equals("FAILED") ? 402 : 200, "text/plain", null,
            payment.id() + " " + payment.status());

    /** A fresh key, as each rendering of the page carries. */
    IdempotentRequest request() {
        return new IdempotentRequest("payment-link POST", "key-" + (++keys), "fingerprint");
    }

    /** The secret in the last mail's link. */
    String lastSecret() {
        String path = outbox.sent.get(outbox.sent.size() - 1).values().get("linkPath");
        return path.substring("/pay/links/".length());
    }

    static final class RecordingOutbox implements Outbox {

        final List<Notification> sent = new ArrayList<>();

        @Override
        public void enqueue(Notification notification, Instant now) {
            sent.add(notification);
        }

        @Override
        public List<OutboxEntry> due(Instant now, int limit) {
            return List.of();
        }

        @Override
        public boolean claim(long id, Instant now, Instant leaseUntil) {
            return false;
        }

        @Override
        public void markSent(long id, Instant now) {
        }

        @Override
        public void markFailed(long id, Instant now, Instant retryAt, String error) {
        }

        @Override
        public long backlog() {
            return sent.size();
        }
    }

    static final class SandboxTokens implements PaymentDetailsTokenizer {

        @Override
        public TokenizedPaymentMethod tokenizeCard(CardDetails card) {
            return new TokenizedPaymentMethod("pm_card_visa", PaymentMethodType.CARD, "visa", "4242", 12, 2030, null);
        }

        @Override
        public TokenizedPaymentMethod tokenizeBankAccount(BankAccountDetails account) {
            return new TokenizedPaymentMethod("pm_usBankAccount", PaymentMethodType.ACH, null, "6789", null, null,
                    "STRIPE TEST BANK");
        }
    }
}
