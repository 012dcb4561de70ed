package dev.flaskj;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One of Flask's signals ({@code flask.signals}, Blinker signals sent by the app): a notification with a payload of
 * type {@code P}, sent at a fixed point of the request or context lifecycle. The constants are on {@link Signals}.
 *
 * <pre>{@code
 * try (Signal.Connection c = Signals.TEMPLATE_RENDERED.connect(app, r -> rendered.add(r.template()))) {
 *     client.get("/");
 * }
 * }</pre>
 * Connections are per app: a listener connected to one app never hears another app in the same JVM. Listeners run
 * synchronously on the thread that sends, in connection order; connecting and disconnecting are thread-safe at any
 * time, also while requests are served (a request in progress may or may not see a change made meanwhile). A
 * listener's exception is not caught: it is the exception of the code that sent the signal (for most signals, the
 * request's), and listeners connected after it are not called for that send. Listeners are held strongly until
 * disconnected. When nobody listens, sending costs one volatile read and nothing is allocated.
 *
 * @param <P> the payload type, a record from {@link Signals}
 */
public final class Signal<P> {
    private final String name;
    private final int index;

    Signal(String name, int index) {
        this.name = name;
        this.index = index;
    }

    /** The signal's name, as Flask names it (e.g. {@code "template-rendered"}). */
    public String name() {
        return name;
    }

    /**
     * Calls {@code listener} with the payload each time {@code sender} sends this signal (Blinker:
     * {@code signal.connect(receiver, sender=app)}); close the result to disconnect. Each call is its own
     * connection, even for a listener already connected.
     */
    public Connection connect(Flask sender, Consumer<? super P> listener) {
        Objects.requireNonNull(sender, "sender == null");
        Objects.requireNonNull(listener, "listener == null");
        Connection c = new Connection(sender.signalReceivers().of(index), listener);
        c.list.add(c);
        return c;
    }

    /** Whether anyone listens to this signal on {@code app}: the check the senders make before building a payload. */
    boolean hasReceivers(Flask app) {
        return !app.signalReceivers().of(index).isEmpty();
    }

    /** Calls every listener connected for {@code app}, in connection order. */
    @SuppressWarnings("unchecked")
    void send(Flask app, P payload) {
        for (Connection c : app.signalReceivers().of(index)) {
            ((Consumer<Object>) c.listener).accept(payload);
        }
    }

    @Override
    public String toString() {
        return "<Signal " + name + ">";
    }

    /** A listener's connection to a signal of one app; {@link #close} disconnects it (idempotent). */
    public static final class Connection implements AutoCloseable {
        private final CopyOnWriteArrayList<Connection> list;
        private final Consumer<?> listener;

        private Connection(CopyOnWriteArrayList<Connection> list, Consumer<?> listener) {
            this.list = list;
            this.listener = listener;
        }

        /** Disconnects the listener; it is not called for sends that start afterwards. */
        @Override
        public void close() {
            list.remove(this);
        }
    }

    /**
     * An app's listeners, one copy-on-write list per signal: sending iterates a snapshot array and an empty list is
     * a volatile read of a zero-length array, so the request path pays nothing for signals nobody uses.
     */
    static final class Receivers {
        private final CopyOnWriteArrayList<Connection>[] bySignal;

        @SuppressWarnings("unchecked")
        Receivers(int count) {
            bySignal = new CopyOnWriteArrayList[count];
            for (int i = 0; i < count; i++) {
                bySignal[i] = new CopyOnWriteArrayList<>();
            }
        }

        CopyOnWriteArrayList<Connection> of(int index) {
            return bySignal[index];
        }
    }
}
