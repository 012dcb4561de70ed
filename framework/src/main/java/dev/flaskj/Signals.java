package dev.flaskj;

import java.util.Map;

/**
 * Flask's signals ({@code flask.signals}), each a {@link Signal} whose payload is a record naming what Flask passes
 * as keyword arguments; every payload carries the sending app. Connect with
 * {@code Signals.X.connect(app, payload -> ...)}.
 *
 * <pre>{@code
 * List<Signals.TemplateRendered> rendered = new ArrayList<>();
 * try (var c = Signals.TEMPLATE_RENDERED.connect(app, rendered::add)) {
 *     app.testClient().get("/");
 * }
 * assertEquals("index.html", rendered.get(0).template());
 * assertEquals(42, rendered.get(0).context().get("answer"));
 * }</pre>
 * When each is sent, in a request's order:
 * <ol>
 * <li>{@link #APPCONTEXT_PUSHED}: an app context was pushed (for a request: before the request context).</li>
 * <li>{@link #REQUEST_STARTED}: the request context is pushed and the URL matched; before the before-request
 * functions. A listener's exception goes to the error handlers, as a view's does.</li>
 * <li>{@link #BEFORE_RENDER_TEMPLATE} and {@link #TEMPLATE_RENDERED}: around each template render.</li>
 * <li>{@link #MESSAGE_FLASHED}: after {@code flash(...)} stored a message.</li>
 * <li>{@link #GOT_REQUEST_EXCEPTION}: an exception no error handler answered, before it is logged and turned into
 * a 500 (or propagated in testing and debug mode).</li>
 * <li>{@link #REQUEST_FINISHED}: the response after the after-request functions and the session save, before it is
 * written.</li>
 * <li>{@link #REQUEST_TEARING_DOWN}: after the teardown-request functions.</li>
 * <li>{@link #APPCONTEXT_TEARING_DOWN}: after the teardown-appcontext functions.</li>
 * <li>{@link #APPCONTEXT_POPPED}: the app context was popped.</li>
 * </ol>
 */
public final class Signals {
    private Signals() {}

    private static final int COUNT = 10;

    /** Flask: {@code request_started}, sent with the app once its request context is pushed. */
    public static final Signal<RequestStarted> REQUEST_STARTED = new Signal<>("request-started", 0);

    /** Flask: {@code request_finished}, sent with the final response before it is written. */
    public static final Signal<RequestFinished> REQUEST_FINISHED = new Signal<>("request-finished", 1);

    /** Flask: {@code got_request_exception}, sent with an exception no error handler answered. */
    public static final Signal<GotRequestException> GOT_REQUEST_EXCEPTION =
            new Signal<>("got-request-exception", 2);

    /** Flask: {@code request_tearing_down}, sent after the teardown-request functions ran. */
    public static final Signal<RequestTearingDown> REQUEST_TEARING_DOWN = new Signal<>("request-tearing-down", 3);

    /** Flask: {@code appcontext_pushed}, sent when an app context was pushed. */
    public static final Signal<AppcontextPushed> APPCONTEXT_PUSHED = new Signal<>("appcontext-pushed", 4);

    /** Flask: {@code appcontext_popped}, sent when an app context was popped. */
    public static final Signal<AppcontextPopped> APPCONTEXT_POPPED = new Signal<>("appcontext-popped", 5);

    /** Flask: {@code appcontext_tearing_down}, sent after the teardown-appcontext functions ran. */
    public static final Signal<AppcontextTearingDown> APPCONTEXT_TEARING_DOWN =
            new Signal<>("appcontext-tearing-down", 6);

    /**
     * Flask: {@code before_render_template}, sent with the template and its variables before it renders; a listener
     * may change the variables ({@code context()} is mutable) and the template sees the change.
     */
    public static final Signal<BeforeRenderTemplate> BEFORE_RENDER_TEMPLATE =
            new Signal<>("before-render-template", 7);

    /** Flask: {@code template_rendered}, sent with the template and its variables after it rendered. */
    public static final Signal<TemplateRendered> TEMPLATE_RENDERED = new Signal<>("template-rendered", 8);

    /** Flask: {@code message_flashed}, sent with the message and category {@code flash(...)} stored. */
    public static final Signal<MessageFlashed> MESSAGE_FLASHED = new Signal<>("message-flashed", 9);

    /** The listener lists a new app starts with: one empty list per signal. */
    static Signal.Receivers newReceivers() {
        return new Signal.Receivers(COUNT);
    }

    /** Payload of {@link #REQUEST_STARTED}; {@code request()} is the current request while listeners run. */
    public record RequestStarted(Flask app) {}

    /** Payload of {@link #REQUEST_FINISHED}: the response that will be written. */
    public record RequestFinished(Flask app, Response response) {}

    /** Payload of {@link #GOT_REQUEST_EXCEPTION}: the unhandled exception (Flask: {@code exception}). */
    public record GotRequestException(Flask app, Throwable exception) {}

    /** Payload of {@link #REQUEST_TEARING_DOWN}: the request's unhandled exception, or null (Flask: {@code exc}). */
    public record RequestTearingDown(Flask app, Throwable exc) {}

    /** Payload of {@link #APPCONTEXT_PUSHED}; the pushed context is current while listeners run. */
    public record AppcontextPushed(Flask app) {}

    /** Payload of {@link #APPCONTEXT_POPPED}. */
    public record AppcontextPopped(Flask app) {}

    /** Payload of {@link #APPCONTEXT_TEARING_DOWN}: the unhandled exception, or null (Flask: {@code exc}). */
    public record AppcontextTearingDown(Flask app, Throwable exc) {}

    /**
     * Payload of {@link #BEFORE_RENDER_TEMPLATE}.
     *
     * @param template the template's name, or null for {@code renderTemplateString} (Jinja's {@code template.name})
     * @param context the render's variables: those passed, the context processors', {@code g} and, in a request,
     *     {@code request}; mutable, and what the template will see
     */
    public record BeforeRenderTemplate(Flask app, String template, Map<String, Object> context) {}

    /**
     * Payload of {@link #TEMPLATE_RENDERED}.
     *
     * @param template the template's name, or null for {@code renderTemplateString} (Jinja's {@code template.name})
     * @param context the variables the template was rendered with, as in {@link BeforeRenderTemplate}
     */
    public record TemplateRendered(Flask app, String template, Map<String, Object> context) {}

    /** Payload of {@link #MESSAGE_FLASHED}: the message as given to {@code flash} and its category. */
    public record MessageFlashed(Flask app, Object message, String category) {}
}
