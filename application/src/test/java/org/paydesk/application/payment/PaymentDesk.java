package org.paydesk.application.payment;

import static org.paydesk.domain.testdata.Customers.aCustomer;
import static org.paydesk.domain.testdata.Receivables.aReceivable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.paydesk.application.fake.CapturedLog;
import org.paydesk.application.fake.InMemoryIdempotencyStore;
import org.paydesk.application.idempotency.IdempotencyService;
import org.paydesk.application.fake.InMemoryCustomerRepository;
import org.paydesk.application.fake.InMemoryPaymentRepository;
import org.paydesk.application.fake.InMemoryProcessorEventLog;
import org.paydesk.application.fake.InMemoryReceivableRepository;
import org.paydesk.application.fake.ScriptedEventReader;
import org.paydesk.application.fake.ScriptedRefundProcessor;
import org.paydesk.application.payment.port.in.ReceiveProcessorEventUseCase;
import org.paydesk.application.payment.port.out.ProcessorEvent;
import org.paydesk.application.payment.ReconciliationService;
import org.paydesk.application.payment.ReconciliationSteps;
import org.paydesk.application.payment.RefundLedger;
import org.paydesk.application.payment.RefundService;
import org.paydesk.application.fake.InMemoryReconciliationQueue;
import org.paydesk.application.fake.InMemoryRefundRepository;
import org.paydesk.application.fake.RecordingAuditTrail;
import org.paydesk.application.fake.SavedPaymentMethods;
import org.paydesk.application.fake.ScriptedPaymentProcessor;
import org.paydesk.application.fake.SettableTimeSource;
import org.paydesk.application.fake.SynchronousEvents;
import org.paydesk.application.payment.port.in.ReceivePaymentCommand;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.AllocationRequest;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.Money;

/** The payment services wired to in-memory fakes, with short ways to set up customers and invoices. */
public final class PaymentDesk {

    public static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
    public static final Actor CASHIER = new Actor("carla.cashier", "10.0.0.7");
    public static final Actor STRIPE = Actor.system("stripe-webhook");

    public final SettableTimeSource time = new SettableTimeSource(START);
    public final InMemoryCustomerRepository customers = new InMemoryCustomerRepository();
    public final InMemoryReceivableRepository receivables = new InMemoryReceivableRepository();
    public final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    public final RecordingAuditTrail audit = new RecordingAuditTrail();
    public final ScriptedPaymentProcessor processor = new ScriptedPaymentProcessor();
    public final AllocationPlanner planner = new AllocationPlanner(receivables);
    public final InMemoryIdempotencyStore keys = new InMemoryIdempotencyStore();
    public final IdempotencyService idempotency = new IdempotencyService(keys, time);
    public final SynchronousEvents<PaymentRecorded> recorded = new SynchronousEvents<>();
    public final InMemoryRefundRepository refunds = new InMemoryRefundRepository();
    public final InMemoryReconciliationQueue followUps = new InMemoryReconciliationQueue();
    public final PaymentLedger ledger = new PaymentLedger(customers, receivables, payments, planner, audit, time,
            idempotency, recorded, refunds, followUps);
    public final SavedPaymentMethods methods = new SavedPaymentMethods();
    public final ReceivePaymentService receiving = new ReceivePaymentService(ledger, processor, methods, idempotency);
    public final ProcessorOutcomeService outcomes = new ProcessorOutcomeService(payments, ledger);
    public final PaymentQueryService queries = new PaymentQueryService(payments, customers, planner, processor);
    public final ScriptedRefundProcessor refundProcessor = new ScriptedRefundProcessor();
    public final SynchronousEvents<RefundRecorded> refundRecorded = new SynchronousEvents<>();
    public final RefundLedger refundLedger = new RefundLedger(customers, receivables, payments, refunds, followUps,
            audit, time, refundRecorded);
    public final RefundService refunding = new RefundService(refundLedger, refundProcessor, refunds, payments);
    public final ScriptedEventReader eventReader = new ScriptedEventReader();
    public final InMemoryProcessorEventLog eventLog = new InMemoryProcessorEventLog();
    public final ProcessorEventService webhooks = new ProcessorEventService(eventReader, eventLog, payments, processor,
            refunds, refunding, new ProcessorEventLedger(eventLog, ledger, audit, time));
    public final ReconciliationService reconciler = new ReconciliationService(followUps,
            new ReconciliationSteps(ledger, followUps, time), payments, processor, refunds, refunding, time);

    /**
     * Everything the customer paid that is still Paydesk's to account for: on invoices (original less open balances)
     * and in credit. Refunded and returned money has left; a test compares this with the payments' kept amounts.
     */
    public Money heldFor(Customer customer, Money startingCredit, List<Receivable> invoices) {
        Money applied = Money.zero(startingCredit.currency());
        for (Receivable invoice : invoices) {
            applied = applied.plus(invoice.originalAmount().minus(balanceOf(invoice)));
        }
        return applied.plus(creditOf(customer)).minus(startingCredit);
    }

    /** Delivers a signed event as the processor would; returns what became of it. */
    public ReceiveProcessorEventUseCase.Receipt deliver(ProcessorEvent event) {
        String payload = eventReader.payloadOf(event);
        return webhooks.receive(payload, ScriptedEventReader.signatureOf(payload));
    }

    /** A stored USD customer holding this much credit. */
    public Customer customerWithCredit(String credit) {
        Customer customer = aCustomer().withId(customers.nextId().value()).withCredit(credit).build();
        customers.add(customer);
        return customer;
    }

    public Customer customer() {
        return customerWithCredit("0");
    }

    /** A stored, fully open USD invoice of the customer, due on the given day. */
    public Receivable invoice(Customer customer, String amount, LocalDate due) {
        Receivable receivable = aReceivable().withId(receivables.nextId().value()).forCustomer(customer.id())
                .withAmount(amount).issuedOn(due.minusDays(30)).dueOn(due).build();
        receivables.add(receivable);
        return receivable;
    }

    public Money balanceOf(Receivable receivable) {
        return receivables.find(receivable.id()).orElseThrow().openBalance();
    }

    public Money balanceOf(ReceivableId receivable) {
        return receivables.find(receivable).orElseThrow().openBalance();
    }

    public Money creditOf(Customer customer) {
        return creditOf(customer.id());
    }

    public Money creditOf(CustomerId customer) {
        return customers.find(customer).orElseThrow().creditBalance();
    }

    public Payment stored(Payment payment) {
        return payments.find(payment.id()).orElseThrow();
    }

    /** Receives a payment whose processor answer the test makes get lost, keeping the service's warning off the console. */
    public Payment receiveLosingTheAnswer(ReceivePaymentCommand command) {
        try (CapturedLog log = CapturedLog.of(ReceivePaymentService.class)) {
            Payment payment = receiving.receive(command);
            if (log.records().isEmpty()) {
                throw new AssertionError("no answer was lost for payment " + payment.id());
            }
            return payment;
        }
    }

    public static ReceivePaymentCommand oldestFirst(Customer customer, Money amount, PaymentMethod method) {
        return new ReceivePaymentCommand(customer.id(), amount, method, null, PaymentChannel.ACCOUNTS_RECEIVABLE, null,
                CASHIER);
    }

    public static ReceivePaymentCommand explicit(Customer customer, Money amount, PaymentMethod method,
            List<AllocationRequest> allocations) {
        return new ReceivePaymentCommand(customer.id(), amount, method, allocations,
                PaymentChannel.ACCOUNTS_RECEIVABLE, null, CASHIER);
    }

    public static ReceivePaymentCommand withRequestKey(ReceivePaymentCommand command, String requestKey) {
        return new ReceivePaymentCommand(command.customerId(), command.amount(), command.method(),
                command.allocations(), command.channel(), requestKey, command.actor());
    }

    public static PaymentFailure doNotHonor() {
        return new PaymentFailure("card_declined", "do_not_honor", "The card was declined.");
    }
}
