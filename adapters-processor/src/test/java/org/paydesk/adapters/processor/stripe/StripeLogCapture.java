package org.paydesk.adapters.processor.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects everything Paydesk and stripe-java log (with the messages of logged exceptions), while open. */
final class StripeLogCapture extends Handler implements AutoCloseable {

    /** The adapter's own logger first: tests keep it from passing records on to its parents. */
    private final List<Logger> loggers = List.of(Logger.getLogger("org.paydesk.adapters.processor.stripe"),
            Logger.getLogger("org.paydesk"), Logger.getLogger("com.stripe"));
    private final List<Level> previous = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    StripeLogCapture() {
        setLevel(Level.ALL);
        for (Logger logger : loggers) {
            previous.add(logger.getLevel());
            logger.setLevel(Level.ALL);
            logger.addHandler(this);
        }
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(" | ").append(parameter);
            }
        }
        for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
            line.append(" | ").append(thrown);
        }
        lines.add(line.toString());
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(this);
            loggers.get(i).setLevel(previous.get(i));
        }
    }
}
