package dev.flaskj;

/** A function run before each request; a non-null result short-circuits the view (Flask: {@code before_request}). */
@FunctionalInterface
public interface BeforeRequestFunction {
    /** Returns null to continue, or a response value. */
    Object run() throws Exception;
}
