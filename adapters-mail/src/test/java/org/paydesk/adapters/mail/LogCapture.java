package org.paydesk.adapters.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the mail adapter logs, with the messages of any exceptions logged, while open. */
final class LogCapture extends Handler implements AutoCloseable {

    /** Held so the setting sticks: the adapter's log lines stay off the console during tests. */
    private static final Logger MAIL_LOG = Logger.getLogger("org.paydesk.adapters.mail");

    static {
        MAIL_LOG.setUseParentHandlers(false);
    }

    private final Logger logger = MAIL_LOG;
    private final Level previousLevel;
    private final List<String> lines = new ArrayList<>();

    LogCapture() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLevel() + " " + record.getMessage());
        for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
            line.append(" | ").append(thrown);
        }
        lines.add(line.toString());
    }

    /** Keeps the adapter's log lines off the console; a capture still receives them. */
    static void quiet() {
        // Loading this class is enough.
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
