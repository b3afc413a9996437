package org.paydesk.application.receivable.port.in;

import java.util.List;
import org.paydesk.domain.receivable.Receivable;

/** An enterprise app imports a customer's open invoices. All or nothing. */
public interface ImportReceivablesUseCase {

    /**
     * @throws org.paydesk.application.shared.ConflictException {@code receivable_number_taken}
     * @throws org.paydesk.application.shared.InvalidRequestException naming {@code receivables[i].field}
     */
    List<Receivable> importReceivables(ImportReceivablesCommand command);
}
