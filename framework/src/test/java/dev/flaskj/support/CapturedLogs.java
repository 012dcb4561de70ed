package dev.flaskj.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * The root {@code java.util.logging} handler of the framework's unit tests (set in
 * {@code src/test/resources/logging.properties}).
 *
 * <p>Many tests provoke errors on purpose: a view that raises (flaskj logs "Exception on /path [GET]" with the
 * stack trace, as Flask's {@code log_exception} does), a filter that fails to start inside Tomcat. Those records
 * are expected, so they are kept here, the last {@value #KEEP} of them, instead of being printed: a green run reads
 * green. Records from anywhere else still go to the console.
 */
public final class CapturedLogs extends Handler {
    private static final int KEEP = 500;
    private static final Deque<LogRecord> CAPTURED = new ArrayDeque<>();

    private final Handler console = new ConsoleHandler();

    /** The captured records, oldest first. */
    public static List<LogRecord> records() {
        synchronized (CAPTURED) {
            return new ArrayList<>(CAPTURED);
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (!expected(record)) {
            console.publish(record);
            return;
        }
        synchronized (CAPTURED) {
            if (CAPTURED.size() == KEEP) {
                CAPTURED.removeFirst();
            }
            CAPTURED.addLast(record);
        }
    }

    // flaskj's own records (an application's logger is named after the application, so the source class is what
    // tells them apart) and the embedded Tomcat's.
    private static boolean expected(LogRecord record) {
        String source = record.getSourceClassName();
        String logger = record.getLoggerName();
        return (source != null && source.startsWith("dev.flaskj."))
                || (logger != null && (logger.startsWith("dev.flaskj.") || logger.startsWith("org.apache.")));
    }

    @Override
    public void flush() {
        console.flush();
    }

    @Override
    public void close() {
        console.close();
    }
}
