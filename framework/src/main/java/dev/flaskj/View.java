package dev.flaskj;

/**
 * A view function registered with {@link Flask#addUrlRule(String, String, View, String...)}.
 *
 * <pre>{@code
 * app.addUrlRule("/user/<username>", "profile", args -> "User " + args.get("username"), "GET");
 * }</pre>
 * The return value is converted like an annotated view's (see {@link Flask#makeResponse(Object)}).
 */
@FunctionalInterface
public interface View {
    /** Handles one request; {@code args} holds the converted URL variables and rule defaults. */
    Object handle(ViewArgs args) throws Exception;
}
