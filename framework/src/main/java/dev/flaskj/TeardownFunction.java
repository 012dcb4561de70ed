package dev.flaskj;

/** A function run when a context is popped (Flask: {@code teardown_request}, {@code teardown_appcontext}). */
@FunctionalInterface
public interface TeardownFunction {
    /** {@code exc} is the unhandled exception of the request, or null. */
    void run(Throwable exc) throws Exception;
}
