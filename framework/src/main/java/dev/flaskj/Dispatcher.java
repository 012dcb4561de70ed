package dev.flaskj;

import dev.flaskj.exceptions.BadRequestKeyError;
import dev.flaskj.exceptions.HttpException;
import dev.flaskj.exceptions.InternalServerError;
import dev.flaskj.exceptions.NotFound;
import dev.flaskj.exceptions.RequestRedirect;
import dev.flaskj.internal.Throwables;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;

/**
 * Flask's request pipeline, one short method per step, read top to bottom (Flask: {@code wsgi_app},
 * {@code full_dispatch_request}, {@code finalize_request}, {@code handle_user_exception}, {@code handle_exception}):
 * push context (which matches the URL and knows the request's scopes) → before hooks → view → error handlers →
 * make response → after hooks → save session → write → pop context.
 *
 * <p>Order and exception rules are Flask's: before-request functions run app first, then blueprints outer to
 * inner, and the first non-null result is the response; after-request functions run innermost blueprint first,
 * each scope's in reverse registration order; error handlers are looked up by HTTP code, then by exception class,
 * innermost scope first; an exception no handler answers is logged and becomes a 500, whose handler may answer it.
 *
 * <p>A {@link CompletionStage} result suspends the request ({@link AsyncViews}): the thread that got it takes the
 * request's contexts off its stacks and returns to the container, and the rest of the pipeline, from "make
 * response" on, runs where the stage completes, with the contexts pushed there.
 */
final class Dispatcher {
    private final Flask app;
    private final AtomicBoolean strayContextsReported = new AtomicBoolean();
    private final AtomicBoolean blockingWaitReported = new AtomicBoolean();

    Dispatcher(Flask app) {
        this.app = app;
    }

    /**
     * Serves one request. Nothing thrown on flaskj's code path reaches the container, whose error page would show
     * a stack trace and the server's version: an exception before the response is committed is answered with the
     * app's 500 (or flaskj's own 500 page when that fails too), one after it is logged once. Rethrown are only
     * what the app asked for (propagation while testing, or with {@code PROPAGATE_EXCEPTIONS} outside debug
     * mode), what the rest of the web application threw with {@code passThrough}, and a
     * {@link VirtualMachineError}, after flaskj's 500 page has been sent when that was still possible.
     */
    void handle(HttpServletRequest req, HttpServletResponse res, FilterChain passThrough)
            throws IOException, ServletException {
        handle(req, res, passThrough, null);
    }

    /** {@link #handle}, recording the request's contexts in {@code keep} before they are popped (the test client). */
    void handle(HttpServletRequest req, HttpServletResponse res, FilterChain passThrough, KeptContext keep)
            throws IOException, ServletException {
        // A setup error found when the app freezes (a view without a parameter for a rule variable) is the
        // caller's to see, as at deployment: not a 500 page for this one request.
        app.freezeOnFirstRequest();
        // A pooled thread may still carry contexts that code outside this request pushed and never popped: the
        // request must not read their g() or request, so it starts from empty stacks and puts them back after.
        Object[] outer = ContextStack.setAside();
        if (outer != null) {
            reportStrayContexts("A request to " + req.getRequestURI() + " started on a thread that still had "
                    + describe(outer) + " pushed; it runs without them");
        }
        RequestContext ctx = null;
        Throwable error = null;
        boolean suspended = false;
        try {
            ctx = new RequestContext(app, req, res);
            // Inside the try: URL matching runs in push, and what it throws must not leave the contexts behind.
            ctx.push();
            if (passThrough != null && ctx.request().routingException() instanceof NotFound) {
                // The app does not own this URL: let the rest of the web application answer, with the
                // untouched servlet request (Spark's bug was to pass a wrapper that changed the URI).
                passThrough(passThrough, req, res);
                return;
            }
            Response response;
            try {
                response = fullDispatch(ctx, req, res);
            } catch (Throwable e) {
                error = e;
                rethrowIfFatal(e);
                response = handleException(ctx, e);
            }
            if (response == null) {
                suspended = true; // the stage's completion owns the request and its contexts now
                return;
            }
            writeAndClose(ctx, response, res);
        } catch (Throwable e) {
            if (e instanceof PassThroughFailure failure) {
                throw Throwables.sneaky(failure.getCause());
            }
            if (e instanceof VirtualMachineError || (e == error && propagates()) || propagatesEverything()) {
                sendLastResortPage(res);
                throw Throwables.sneaky(e);
            }
            lastResort(req, res, e);
        } finally {
            if (suspended) {
                ContextStack.restore(outer); // this thread's stacks are empty again: the contexts moved away
            } else {
                if (keep != null && ctx != null && ctx.isPushed()) {
                    keep.capture(ctx);
                }
                endRequest(ctx, error, outer);
            }
        }
    }

    /** The rest of the filter chain; its failures are the web application's, and go to the container as they are. */
    private static void passThrough(FilterChain chain, HttpServletRequest req, HttpServletResponse res) {
        try {
            chain.doFilter(req, res);
        } catch (Throwable e) {
            throw new PassThroughFailure(e);
        }
    }

    /** Marks a failure of the rest of the filter chain while it crosses this class's last-resort handling. */
    private static final class PassThroughFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PassThroughFailure(Throwable cause) {
            super(null, cause, false, false);
        }
    }

    /** Flask's rule: testing and debug mode propagate unhandled exceptions unless PROPAGATE_EXCEPTIONS says. */
    private boolean propagates() {
        Boolean propagate = app.config().getFlag("PROPAGATE_EXCEPTIONS");
        return propagate == null ? app.testing() || app.debug() : propagate;
    }

    /**
     * Whether failures outside the view (writing, teardown) propagate too: where the app propagates and no debug
     * page is shown, as Flask's test client raises them. In debug mode in a container they get the 500 page.
     */
    private boolean propagatesEverything() {
        return propagates() && !(app.debug() && !app.testing());
    }

    /**
     * A {@link VirtualMachineError} is not handed to the app's error handlers or hooks: the JVM may be out of
     * memory, and app code could only fail again. It goes up after flaskj's own page has been sent.
     */
    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError) {
            throw (VirtualMachineError) e;
        }
    }

    /** Writes the response; a failure is answered with a 500 while nothing is committed, else logged once. */
    private void writeOrRecover(RequestContext ctx, Response response, HttpServletResponse res)
            throws IOException, ServletException {
        try {
            write(ctx.request(), response, res);
        } catch (Throwable e) {
            rethrowIfFatal(e);
            if (propagatesEverything()) {
                throw e;
            }
            if (res.isCommitted()) {
                logAfterCommit(ctx.request(), e);
                return;
            }
            res.reset(); // handleException logs it, once
            Response serverError = handleException(ctx, e);
            try {
                write(ctx.request(), serverError, res);
            } catch (Throwable again) {
                rethrowIfFatal(again);
                if (res.isCommitted()) {
                    logAfterCommit(ctx.request(), again);
                } else {
                    app.logger().log(Level.SEVERE, "The 500 response could not be written either", again);
                    sendLastResortPage(res);
                }
            }
        }
    }

    /** Part of the response is on its way: the status cannot change any more, so the failure is only logged. */
    private void logAfterCommit(Request request, Throwable e) {
        String where = request.path() + " [" + request.method() + "]";
        if (e instanceof IOException) {
            // Usually the client closed the connection; the container reports that at debug level too.
            app.logger().log(Level.FINE, "The response to " + where + " could not be sent completely", e);
        } else {
            app.logger().log(Level.SEVERE, "Exception while writing the response to " + where
                    + " after it was committed; the client received a truncated response", e);
        }
    }

    /** A failure outside the usual pipeline (a request context that cannot be built, a failing 500 page). */
    private void lastResort(HttpServletRequest req, HttpServletResponse res, Throwable e) {
        if (res.isCommitted()) {
            app.logger().log(Level.SEVERE, "Exception on " + req.getRequestURI() + " after the response was"
                    + " committed; the client received a truncated response", e);
            return;
        }
        if (e instanceof HttpException he && !(he instanceof RequestRedirect) && !(he instanceof AbortedResponse)) {
            // Bad input noticed while the request was being read: its own answer, without the app's handlers.
            sendPage(res, he.code(), he.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        app.logger().log(Level.SEVERE, "Exception on " + req.getRequestURI() + " [" + req.getMethod() + "]", e);
        sendLastResortPage(res);
    }

    // Rendered once: sending it allocates nothing that could fail after a first failure.
    private static final byte[] LAST_RESORT_BODY = new InternalServerError().body().getBytes(StandardCharsets.UTF_8);

    /** flaskj's own 500 page, written directly to the servlet response when it is not committed yet. */
    static void sendLastResortPage(HttpServletResponse res) {
        sendPage(res, 500, LAST_RESORT_BODY);
    }

    /** Writes an HTML page with {@code status} directly, unless the response is committed; never throws. */
    static void sendPage(HttpServletResponse res, int status, byte[] body) {
        if (res.isCommitted()) {
            return;
        }
        try {
            res.reset();
            res.setStatus(status);
            res.setContentType("text/html; charset=utf-8");
            res.setContentLength(body.length);
            res.getOutputStream().write(body);
            res.flushBuffer(); // committed: the container adds no page of its own now
        } catch (Throwable ignored) {
            // The connection is gone or the response unusable: nothing more can be sent.
        }
    }

    /** Pops the context; a teardown failure is logged once (or propagated where the app propagates). */
    private void popQuietly(RequestContext ctx, Throwable error) {
        try {
            ctx.pop(error);
        } catch (Throwable e) {
            rethrowIfFatal(e);
            if (propagatesEverything()) {
                throw Throwables.sneaky(e);
            }
            Request request = ctx.request();
            app.logger().log(Level.SEVERE, "Exception while tearing down " + request.path() + " ["
                    + request.method() + "]", e);
        }
    }

    private void writeAndClose(RequestContext ctx, Response response, HttpServletResponse res)
            throws IOException, ServletException {
        try {
            writeOrRecover(ctx, response, res);
        } finally {
            response.runCloseCallbacks(); // Werkzeug's Response.close: after the body, also when writing failed
        }
    }

    /**
     * Hands a suspended request's stage to its completion: takes the contexts off this thread (first dropping any
     * the view left open, as {@link #endRequest} does), then registers the completion. The order matters: a stage
     * that is already complete runs the completion right here, which pushes the contexts again.
     */
    private void suspend(RequestContext ctx, CompletionStage<?> stage, HttpServletRequest req,
            HttpServletResponse res) {
        AsyncContext async = req.startAsync(req, res);
        AsyncViews.Completion completion = new AsyncViews.Completion(this, ctx, async, res);
        async.setTimeout(AsyncViews.timeout(app).toMillis());
        async.addListener(completion);
        Object[] stray = ContextStack.unwindTo(ctx, ctx.implicitAppContext());
        if (stray != null) {
            reportStrayContexts("The request to " + ctx.request().path() + " left " + describe(stray)
                    + " pushed (opened and never closed); it was removed so that no later request on"
                    + " this thread inherits it");
        }
        ctx.detach();
        stage.whenComplete(completion);
    }

    /**
     * The rest of a suspended request, on the thread that completes it (or the container's, for a timeout): pushes
     * the request's contexts over whatever that thread has, makes the response from the stage's value or failure,
     * runs the after-request functions, saves the session, writes, tears down and pops. Never throws.
     */
    void resume(RequestContext ctx, HttpServletResponse res, Object value, Throwable failure) {
        Object[] outer = ContextStack.setAside();
        Throwable error = null;
        try {
            ctx.attach();
            Response response;
            try {
                response = finalizeRequest(ctx, resolve(ctx, value, failure), false);
            } catch (Throwable e) {
                error = e;
                response = handleException(ctx, e);
            }
            writeAndClose(ctx, response, res);
        } catch (Throwable e) {
            // Nobody up the stack can take this (the container's thread has long returned): log it and answer 500.
            error = error == null ? e : error;
            app.logger().log(Level.SEVERE, "Exception on " + ctx.request().path() + " ["
                    + ctx.request().method() + "] (asynchronous)", e);
            AsyncViews.sendPlain500(res);
        } finally {
            try {
                endRequest(ctx, error, outer);
            } catch (Throwable e) {
                app.logger().log(Level.SEVERE, "A teardown function of the request to " + ctx.request().path()
                        + " failed", e);
            }
        }
    }

    /**
     * Ends a suspended request the container gave up on (the connection failed): teardown and pop, no response.
     */
    void abandon(RequestContext ctx, Throwable failure) {
        Object[] outer = ContextStack.setAside();
        try {
            ctx.attach();
        } finally {
            try {
                endRequest(ctx, failure, outer);
            } catch (Throwable e) {
                app.logger().log(Level.SEVERE, "A teardown function of the request to " + ctx.request().path()
                        + " failed", e);
            }
        }
    }

    /**
     * What the request's stage gives the rest of the pipeline: its value, or what the error handlers make of its
     * failure (as for an exception the view threw); an {@code Error} goes on to {@link #handleException}.
     */
    private Object resolve(RequestContext ctx, Object value, Throwable failure) throws Exception {
        if (failure == null) {
            return value;
        }
        Throwable cause = AsyncViews.unwrap(failure);
        if (cause instanceof Exception e) {
            return handleUserException(ctx, e);
        }
        throw Throwables.sneaky(cause);
    }

    /**
     * Pops the request's contexts, first dropping any the request pushed and left open (an {@code appContext()}
     * never closed), and gives the thread back the stacks it had before the request.
     */
    private void endRequest(RequestContext ctx, Throwable error, Object[] outer) {
        try {
            if (ctx != null && ctx.isPushed()) {
                Object[] stray = ContextStack.unwindTo(ctx, ctx.implicitAppContext());
                if (stray != null) {
                    reportStrayContexts("The request to " + ctx.request().path() + " left " + describe(stray)
                            + " pushed (opened and never closed); it was removed so that no later request on"
                            + " this thread inherits it");
                }
                popQuietly(ctx, error);
            }
        } finally {
            if (ContextStack.restore(outer)) {
                reportStrayContexts("A teardown function of the request to " + req(ctx)
                        + " left a context pushed; it was removed");
            }
        }
    }

    private static String req(RequestContext ctx) {
        return ctx == null ? "?" : ctx.request().path();
    }

    private static String describe(Object[] tops) {
        StringBuilder s = new StringBuilder();
        for (Object top : tops) {
            if (top != null) {
                s.append(s.length() == 0 ? "" : " and ").append(top);
            }
        }
        return s.toString();
    }

    /** The first report of each app is a warning; repeats go to FINE, so a leaking view cannot flood the log. */
    private void reportStrayContexts(String message) {
        Level level = strayContextsReported.compareAndSet(false, true) ? Level.WARNING : Level.FINE;
        app.logger().log(level, message + ". Close every appContext() and requestContext() you open, e.g. with"
                + " try-with-resources.");
    }

    /**
     * Before hooks, view, user-exception handling, then finalisation. A {@link CompletionStage} result is waited
     * for here when the request cannot be suspended; else the request is suspended and null returned.
     */
    private Response fullDispatch(RequestContext ctx, HttpServletRequest req, HttpServletResponse res)
            throws Exception {
        Object rv;
        try {
            if (Signals.REQUEST_STARTED.hasReceivers(app)) {
                Signals.REQUEST_STARTED.send(app, new Signals.RequestStarted(app));
            }
            rv = preprocess(ctx);
            if (rv == null) {
                rv = dispatch(ctx.request());
            }
        } catch (Exception e) {
            rv = handleUserException(ctx, e);
        }
        if (rv instanceof CompletionStage<?> stage) {
            if (req.isAsyncSupported()) {
                suspend(ctx, stage, req, res);
                return null;
            }
            if (!AsyncViews.isTestClient(req)) {
                reportBlockingWait(req);
            }
            AsyncViews.Outcome outcome = AsyncViews.await(stage, AsyncViews.timeout(app));
            rv = resolve(ctx, outcome.value(), outcome.failure());
        }
        return finalizeRequest(ctx, rv, false);
    }

    private void reportBlockingWait(HttpServletRequest req) {
        Level level = blockingWaitReported.compareAndSet(false, true) ? Level.WARNING : Level.FINE;
        app.logger().log(level, "The view for " + req.getRequestURI() + " returned a CompletionStage, but the"
                + " request does not support servlet async: the request thread waits for the stage (at most"
                + " ASYNC_TIMEOUT). Declare <async-supported>true</async-supported> on the flaskj filter (and on every"
                + " filter mapped before it), or call setAsyncSupported(true) on its FilterRegistration.Dynamic.");
    }

    /**
     * Runs the URL value preprocessors, then the before-request functions, each app first then blueprints outer to
     * inner; the first non-null result of a before-request function wins (Flask: {@code preprocess_request}).
     */
    private Object preprocess(RequestContext ctx) throws Exception {
        List<ScopeHooks> scopes = ctx.scopes();
        preprocessUrlValues(ctx.request(), scopes);
        for (int s = scopes.size() - 1; s >= 0; s--) {
            for (BeforeRequestFunction f : scopes.get(s).before) {
                Object rv = f.run();
                if (rv != null) {
                    return rv;
                }
            }
        }
        return null;
    }

    /**
     * Gives every URL value preprocessor the view arguments as one mutable map, then makes what is left the
     * request's view arguments. When routing failed, Flask passes no map at all; here the functions get an empty
     * map that is thrown away, so that the usual {@code values.remove(...)} cannot turn every 404 into a 500.
     */
    private static void preprocessUrlValues(Request request, List<ScopeHooks> scopes) throws Exception {
        Map<String, Object> values = null;
        for (int s = scopes.size() - 1; s >= 0; s--) {
            for (UrlValuePreprocessorFunction f : scopes.get(s).urlValuePreprocessors) {
                if (values == null) {
                    values = new LinkedHashMap<>(request.viewArgs().asMap());
                }
                f.process(request.endpoint(), values);
            }
        }
        if (values != null && request.urlRule() != null) {
            request.setViewArgs(values);
        }
    }

    /** Raises the routing error, answers automatic OPTIONS, or calls the view. */
    private Object dispatch(Request request) throws Exception {
        RuntimeException routingError = request.routingException();
        if (routingError != null) {
            throw routingError;
        }
        if (request.method().equals("OPTIONS") && request.urlRule().providesAutomaticOptions()) {
            return defaultOptionsResponse(request);
        }
        return app.viewFunction(request.endpoint()).handle(request.viewArgs());
    }

    private Response defaultOptionsResponse(Request request) {
        Response r = new Response();
        r.headers().set("Allow", String.join(", ", app.urlMap().allowedMethods(request.path())));
        return r;
    }

    /** Flask's handle_user_exception: HTTP errors and other exceptions that an error handler may answer. */
    private Object handleUserException(RequestContext ctx, Exception e) throws Exception {
        if (e instanceof HttpException he) {
            return handleHttpException(ctx, he);
        }
        ErrorHandlerFunction<Throwable> handler = ErrorHandlers.find(ctx.scopes(), e);
        if (handler == null) {
            throw e;
        }
        return handler.handle(e);
    }

    private Object handleHttpException(RequestContext ctx, HttpException e) throws Exception {
        if (e instanceof RequestRedirect || e instanceof AbortedResponse) {
            return e; // never passed to error handlers, as in Flask
        }
        HttpException error = e;
        if (e instanceof BadRequestKeyError keyError) {
            Boolean trap = app.config().getFlag("TRAP_BAD_REQUEST_ERRORS");
            if (Boolean.TRUE.equals(trap)) {
                throw e;
            }
            if (app.debug()) {
                // Flask's debug mode names the missing key in the page.
                error = keyError.withKeyInDescription();
            }
        } else if (app.config().getBoolean("TRAP_HTTP_EXCEPTIONS", false)) {
            throw e;
        }
        ErrorHandlerFunction<Throwable> handler = ErrorHandlers.find(ctx.scopes(), error);
        return handler == null ? error : handler.handle(error);
    }

    /**
     * Flask's handle_exception: propagate (testing, debug) or log and answer 500. The debug page goes only to the
     * clients {@link DebugAccess} allows; the others get the production 500. The app's 500 handler and the
     * finalisation may fail in turn; each failure is logged and the built-in 500 page answers.
     */
    private Response handleException(RequestContext ctx, Throwable e) throws IOException, ServletException {
        if (Signals.GOT_REQUEST_EXCEPTION.hasReceivers(app)) {
            Signals.GOT_REQUEST_EXCEPTION.send(app, new Signals.GotRequestException(app, e));
        }
        if (propagates()) {
            if (!app.debug() || app.testing()) {
                throw Throwables.sneaky(e);
            }
            if (DebugAccess.allowed(app, ctx.request())) {
                return DebugPage.response(app, ctx.request(), e);
            }
            // debug mode, but the client is not on this machine: the production page below, never the sources
        }
        Request request = ctx.request();
        app.logger().log(Level.SEVERE, "Exception on " + request.path() + " [" + request.method() + "]", e);
        InternalServerError serverError = e instanceof InternalServerError ise ? ise
                : new InternalServerError(null, e);
        Object rv = serverError;
        ErrorHandlerFunction<Throwable> handler = ErrorHandlers.find(ctx.scopes(), serverError);
        if (handler != null) {
            try {
                rv = handler.handle(serverError);
            } catch (Throwable handlerError) {
                rethrowIfFatal(handlerError);
                app.logger().log(Level.SEVERE, "Exception in the 500 error handler", handlerError);
                rv = serverError;
            }
        }
        try {
            return finalizeRequest(ctx, rv, true);
        } catch (Throwable conversionError) {
            // finalizeRequest swallows hook errors on this path; what is left is a return value of the 500
            // handler that is not a valid response.
            rethrowIfFatal(conversionError);
            app.logger().log(Level.SEVERE, "The 500 error handler did not return a valid response",
                    conversionError);
            return app.toResponse(serverError);
        }
    }

    /** Makes the response, runs after-this-request and after-request functions, saves the session. */
    private Response finalizeRequest(RequestContext ctx, Object rv, boolean fromErrorHandler) throws Exception {
        Response response = app.toResponse(rv);
        try {
            response = processResponse(ctx, response);
            if (Signals.REQUEST_FINISHED.hasReceivers(app)) {
                // Inside the try, as in Flask: a listener's error on the error path is logged, not raised.
                Signals.REQUEST_FINISHED.send(app, new Signals.RequestFinished(app, response));
            }
            return response;
        } catch (Throwable e) {
            if (!fromErrorHandler || e instanceof VirtualMachineError) {
                throw Throwables.sneaky(e);
            }
            app.logger().log(Level.SEVERE, "Request finalization failed with an error while handling an error", e);
            return response;
        }
    }

    private Response processResponse(RequestContext ctx, Response response) throws Exception {
        Response r = response;
        for (AfterRequestFunction f : ctx.afterThisRequest()) {
            r = requireResponse(f.apply(r));
        }
        for (ScopeHooks scope : ctx.scopes()) {
            for (int i = scope.after.size() - 1; i >= 0; i--) {
                r = requireResponse(scope.after.get(i).apply(r));
            }
        }
        ctx.saveSession(r);
        return r;
    }

    private static Response requireResponse(Response r) {
        if (r == null) {
            throw new IllegalStateException("An after-request function returned null; it must return a Response.");
        }
        return r;
    }

    /** Writes status, headers and body; HEAD and 204/304 get no body, HEAD keeps the GET's Content-Length. */
    static void write(Request request, Response response, HttpServletResponse res) throws IOException {
        int status = response.status();
        res.setStatus(status);
        for (Map.Entry<String, String> h : response.headers()) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("Content-Length")) {
                continue;
            }
            res.addHeader(name, name.equalsIgnoreCase("Location") ? Locations.toUri(h.getValue()) : h.getValue());
        }
        boolean noBody = status == 204 || status == 304 || (status >= 100 && status < 200);
        long length = response.contentLength();
        if (length >= 0 && !noBody) {
            res.setContentLengthLong(length);
        }
        if (noBody || request.method().equals("HEAD")) {
            return;
        }
        // No flush for a body of known length: the container sends it together with the headers when the
        // request ends, in one write, as it does for a servlet. Streamed chunks flush themselves.
        response.writeBody(res.getOutputStream());
    }
}
