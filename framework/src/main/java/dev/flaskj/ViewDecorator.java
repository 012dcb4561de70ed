package dev.flaskj;

/**
 * Wraps a view in code that runs around it (Flask: a view decorator such as the tutorial's {@code login_required}).
 *
 * <pre>{@code
 * public final class LoginRequiredDecorator implements ViewDecorator {
 *     public View decorate(View view) {
 *         return args -> g().get("user", null) == null ? redirect(urlFor("auth.login")) : view.handle(args);
 *     }
 * }
 * }</pre>
 * Name it on a view with {@link Decorate @Decorate(LoginRequiredDecorator.class)}, on a user annotation that
 * carries {@code @Decorate} (see {@link Decorate}), on a {@link MethodView} class, or pass instances to
 * {@link RuleOptions#decorators(ViewDecorator...)}.
 *
 * <p>{@link #decorate} is called once, when the view is registered; the returned view runs on every request, with
 * the converted URL variables ({@link ViewArgs}). It may return without calling {@code view} (a redirect, or
 * {@code throw abort(403)}), or call it and change what it returned: {@code makeResponse(view.handle(args))} gives a
 * {@link Response} whose headers it may set. It must not return null. The view keeps its endpoint whatever the
 * decorator returns. A class named in {@code @Decorate} needs a no-argument constructor (it may be private, and the
 * class may be a static nested one); flaskj creates one instance per decorated view at startup, which then serves
 * all threads, so keep it free of per-request state.
 */
@FunctionalInterface
public interface ViewDecorator {
    /** Returns the view to register in place of {@code view}; called once per view, at startup. */
    View decorate(View view);
}
