package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.paydesk.application.payment.port.in.PaymentCriteria;
import org.paydesk.application.payment.port.in.PaymentHistory;
import org.paydesk.application.payment.port.in.PaymentHistoryQuery;
import org.paydesk.application.payment.port.in.PaymentSummary;
import org.paydesk.application.payment.port.in.TimelineEntry;
import org.paydesk.application.payment.port.out.FeeSettings;
import org.paydesk.application.payment.port.out.PaymentRepository;
import org.paydesk.application.payment.port.out.RefundRepository;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.domain.payment.FeeSchedule;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.shared.DomainException;

/**
 * Reads the payment history; changes nothing. Fees come from the schedule in force when read (a changed schedule
 * shows on old payments too: the figures are an estimate from the schedule, not the processor's statement).
 */
@ApplicationScoped
public class PaymentHistoryService implements PaymentHistoryQuery {

    /** The audit subject type of everything about a payment: its changes, its refunds, its processor events. */
    static final String SUBJECT = "payment";

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final AuditTrail audit;
    private final FeeSettings fees;

    @Inject
    public PaymentHistoryService(PaymentRepository payments, RefundRepository refunds, AuditTrail audit,
            FeeSettings fees) {
        this.payments = payments;
        this.refunds = refunds;
        this.audit = audit;
        this.fees = fees;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PaymentSummary> search(PaymentCriteria criteria, PageRequest page) {
        FeeSchedule schedule = fees.schedule();
        return payments.search(criteria, page).map(payment -> summary(payment, schedule));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaymentSummary> export(PaymentCriteria criteria) {
        FeeSchedule schedule = fees.schedule();
        PageRequest first = new PageRequest(0, PageRequest.MAX_SIZE);
        Page<Payment> page = payments.search(criteria, first);
        if (page.total() > MAX_EXPORT_ROWS) {
            throw new DomainException("export_too_large", null, page.total() + " payments match; an export holds at"
                    + " most " + MAX_EXPORT_ROWS + ": narrow the filters (e.g. the dates)");
        }
        List<PaymentSummary> rows = new ArrayList<>();
        while (true) {
            page.items().forEach(payment -> rows.add(summary(payment, schedule)));
            if (page.items().size() < page.size() || rows.size() >= MAX_EXPORT_ROWS) {
                return rows;
            }
            page = payments.search(criteria, new PageRequest(page.page() + 1, PageRequest.MAX_SIZE));
        }
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public PaymentHistory history(PaymentId id) {
        Payment payment = payments.find(id).orElseThrow(() -> new NotFoundException("payment " + id));
        List<TimelineEntry> timeline = audit.about(SUBJECT, id.toString()).stream()
                .map(PaymentHistoryService::step).toList();
        return new PaymentHistory(summary(payment, fees.schedule()), refunds.findByPayment(id), timeline);
    }

    private static PaymentSummary summary(Payment payment, FeeSchedule schedule) {
        return new PaymentSummary(payment, schedule.feeOf(payment), schedule.netOf(payment));
    }

    private static TimelineEntry step(AuditEntry entry) {
        return new TimelineEntry(entry.at(), entry.action(), entry.actor().name(), entry.actor().origin(),
                entry.outcome(), entry.detail());
    }

    /** For CDI's proxy only. */
    protected PaymentHistoryService() {
        this(null, null, null, null);
    }
}
