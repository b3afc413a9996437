package org.paydesk.application.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Catches what a class logs through java.util.logging while open, instead of printing it; closing puts the logger
 * back as it was.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger logger;
    private final boolean usedParentHandlers;
    private final List<LogRecord> records = new ArrayList<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        this.usedParentHandlers = logger.getUseParentHandlers();
        logger.addHandler(this);
        logger.setUseParentHandlers(false);
    }

    public static CapturedLog of(Class<?> owner) {
        return new CapturedLog(Logger.getLogger(owner.getName()));
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(usedParentHandlers);
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }
}
