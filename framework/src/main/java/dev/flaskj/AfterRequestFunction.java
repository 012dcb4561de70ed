package dev.flaskj;

/** A function that may modify or replace the response (Flask: {@code after_request}, {@code after_this_request}). */
@FunctionalInterface
public interface AfterRequestFunction {
    /** Returns the response to send (usually {@code response} itself). */
    Response apply(Response response) throws Exception;
}
