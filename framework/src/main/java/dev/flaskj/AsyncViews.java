package dev.flaskj;

import dev.flaskj.exceptions.ServiceUnavailable;
import dev.flaskj.testing.FakeHttpServletRequest;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Views that return a {@link CompletionStage}: the request is suspended with servlet async and finished on the
 * thread that completes the stage.
 *
 * <p>What a user may rely on:
 * <ul>
 * <li>The stage's value goes through the same steps as a view's return value: response conversion, the
 * after-request functions, session save, teardown. They run with the request's contexts pushed on the completing
 * thread, so {@code request()}, {@code session()} and {@code g()} work there as in the view.</li>
 * <li>A stage that completes exceptionally is handled like an exception the view threw: error handlers, else 500.
 * {@link CompletionException} and {@link ExecutionException} wrappers are removed first.</li>
 * <li>A stage that has not completed after config {@code ASYNC_TIMEOUT} (seconds, fractions allowed, or a
 * {@link Duration}; default 30) is answered 503 {@link ServiceUnavailable}, through the error handlers. The stage
 * is not cancelled (it may be shared); its later value is ignored.</li>
 * <li>The thread that got the stage takes the request's contexts off its stacks before it returns to the
 * container, so nothing of the request stays on it.</li>
 * <li>When the request does not support servlet async (the flaskj filter, or a filter mapped before it, lacks
 * {@code <async-supported>true</async-supported>}), the request thread waits for the stage, at most
 * {@code ASYNC_TIMEOUT}, and a warning says how to enable async. The test client always waits this way: its
 * requests have no container.</li>
 * </ul>
 */
final class AsyncViews {
    /** Default of config {@code ASYNC_TIMEOUT}, in seconds. */
    static final long DEFAULT_TIMEOUT_SECONDS = 30;

    private AsyncViews() {}

    /** Config {@code ASYNC_TIMEOUT}: a positive number of seconds (fractions allowed) or a positive Duration. */
    static Duration timeout(Flask app) {
        Object v = app.config().get("ASYNC_TIMEOUT");
        Duration d;
        if (v == null) {
            d = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
        } else if (v instanceof Duration duration) {
            d = duration;
        } else {
            double seconds;
            try {
                seconds = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("config ASYNC_TIMEOUT=" + v + " is not a number of seconds", e);
            }
            if (!(seconds > 0) || seconds > Long.MAX_VALUE / 1_000_000_000.0) {
                throw new IllegalStateException("config ASYNC_TIMEOUT=" + v + " must be a positive number of seconds");
            }
            d = Duration.ofNanos((long) (seconds * 1_000_000_000L));
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalStateException("config ASYNC_TIMEOUT=" + v + " must be positive");
        }
        // servlet async timeouts are whole milliseconds; 0 would mean "never"
        return d.toMillis() == 0 ? Duration.ofMillis(1) : d;
    }

    static ServiceUnavailable timeoutError(Duration timeout) {
        return new ServiceUnavailable("The server did not finish the response within " + format(timeout) + ".");
    }

    private static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    /** The cause of a {@link CompletionException} or {@link ExecutionException}, else {@code t}. */
    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Whether the request comes from flaskj's test client (no container: it waits, and says nothing). */
    static boolean isTestClient(ServletRequest req) {
        ServletRequest r = req;
        while (r instanceof ServletRequestWrapper w) {
            r = w.getRequest();
        }
        return r instanceof FakeHttpServletRequest;
    }

    /** A stage's value or failure. */
    record Outcome(Object value, Throwable failure) {}

    /** Waits for {@code stage} at most {@code timeout}; a timeout or an interrupt is a 503 failure. */
    static Outcome await(CompletionStage<?> stage, Duration timeout) {
        try {
            return new Outcome(stage.toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS), null);
        } catch (ExecutionException | CancellationException e) {
            return new Outcome(null, e);
        } catch (TimeoutException e) {
            return new Outcome(null, timeoutError(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the interrupt for whoever interrupted this thread
            return new Outcome(null, new ServiceUnavailable("The server was stopped while waiting for the response."));
        }
    }

    /** A bare 500 when even the error pipeline failed and nothing was sent yet. */
    static void sendPlain500(HttpServletResponse res) {
        try {
            if (!res.isCommitted()) {
                res.reset();
                res.setStatus(500);
                res.setContentType("text/plain; charset=utf-8");
                res.getWriter().write("500 Internal Server Error");
            }
        } catch (Exception | LinkageError ignored) {
            // the connection is gone; there is no one to answer
        }
    }

    /**
     * The end of one suspended request: whichever of "the stage completed", "the container's timeout fired" and
     * "the container reported an error" comes first finishes the request, exactly once, then completes the
     * {@link AsyncContext}. A listener that loses that race waits (bounded) for the winner, because the container
     * answers a timeout itself (a 500) when its listener returns without completing.
     */
    static final class Completion implements BiConsumer<Object, Throwable>, AsyncListener {
        private static final long LOSER_WAIT_SECONDS = 10;

        private final Dispatcher dispatcher;
        private final RequestContext ctx;
        private final AsyncContext async;
        private final HttpServletResponse res;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CountDownLatch finished = new CountDownLatch(1);

        Completion(Dispatcher dispatcher, RequestContext ctx, AsyncContext async, HttpServletResponse res) {
            this.dispatcher = dispatcher;
            this.ctx = ctx;
            this.async = async;
            this.res = res;
        }

        /** The stage completed. */
        @Override
        public void accept(Object value, Throwable failure) {
            if (claimed.compareAndSet(false, true)) {
                finish(() -> dispatcher.resume(ctx, res, value, failure));
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            if (claimed.compareAndSet(false, true)) {
                finish(() -> dispatcher.resume(ctx, res, null, timeoutError(Duration.ofMillis(async.getTimeout()))));
            } else {
                awaitWinner();
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            if (claimed.compareAndSet(false, true)) {
                finish(() -> dispatcher.abandon(ctx, event.getThrowable()));
            } else {
                awaitWinner();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {}

        @Override
        public void onStartAsync(AsyncEvent event) {}

        private void finish(Runnable work) {
            try {
                work.run();
            } finally {
                try {
                    async.complete();
                } catch (IllegalStateException alreadyOver) {
                    // the container already ended the request (e.g. after an I/O error)
                } finally {
                    finished.countDown();
                }
            }
        }

        private void awaitWinner() {
            try {
                finished.await(LOSER_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
