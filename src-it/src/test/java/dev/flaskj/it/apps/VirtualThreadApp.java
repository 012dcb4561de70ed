package dev.flaskj.it.apps;

import dev.flaskj.Flask;
import dev.flaskj.Route;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For the virtual-thread runs: a view that keeps the request's id in g(), blocks 20 ms, and echoes the id it reads
 * back from g() with whether it ran on a virtual thread; plus the most views that were running at once.
 */
public class VirtualThreadApp extends Flask {
    /** {@code Thread.isVirtual()} (JDK 21): looked up at run time so this compiles for Java 17. */
    private static final Method IS_VIRTUAL = isVirtualMethod();
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger PEAK = new AtomicInteger();

    private static Method isVirtualMethod() {
        try {
            return Thread.class.getMethod("isVirtual");
        } catch (NoSuchMethodException e) {
            return null; // Java 17: no virtual threads, the view answers "platform"
        }
    }

    static String threadKind() {
        try {
            return IS_VIRTUAL != null && (Boolean) IS_VIRTUAL.invoke(Thread.currentThread()) ? "virtual" : "platform";
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Route("/vt/<id>")
    String blocking(String id) throws InterruptedException {
        int now = RUNNING.incrementAndGet();
        PEAK.accumulateAndGet(now, Math::max);
        try {
            g().put("id", id);
            String kind = threadKind();
            Thread.sleep(20);
            return id + " " + g().get("id") + " " + kind;
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    /** The same, as an async view: the stage completes 20 ms later; the after-request hook reads g() there. */
    @Route("/vt-async/<id>")
    CompletionStage<String> async(String id) {
        g().put("id", id);
        String kind = threadKind();
        return CompletableFuture.supplyAsync(() -> id, CompletableFuture.delayedExecutor(20,
                java.util.concurrent.TimeUnit.MILLISECONDS)).thenApply(v -> v + " " + kind);
    }

    public VirtualThreadApp() {
        afterRequest(r -> {
            if (request().path().startsWith("/vt-async/")) {
                r.headers().set("X-G-Id", String.valueOf(g().<Object>get("id")));
            }
            return r;
        });
    }

    @Route("/vt-peak")
    String peak() {
        return String.valueOf(PEAK.get());
    }
}
