package dev.flaskj;

/** A function that turns an exception into a response value (Flask: {@code errorhandler}). */
@FunctionalInterface
public interface ErrorHandlerFunction<E extends Throwable> {
    /** Returns a response value; give the status code yourself, e.g. {@code makeResponse(body, 404)}. */
    Object handle(E error) throws Exception;
}
