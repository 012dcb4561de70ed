package dev.flaskj.internal;

/** Rethrowing a caught {@code Throwable} unchanged through methods that do not declare it. */
public final class Throwables {
    private Throwables() {}

    /**
     * Throws {@code t} as it is, checked or not; declared to return an exception so callers can write
     * {@code throw Throwables.sneaky(t);}.
     */
    public static RuntimeException sneaky(Throwable t) {
        throw Throwables.<RuntimeException>rethrow(t);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
