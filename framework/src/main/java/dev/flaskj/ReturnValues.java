package dev.flaskj;

import dev.flaskj.exceptions.HttpException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.BaseStream;

/**
 * Turns what a view returns into a {@link Response}: Flask's {@code make_response} table.
 */
final class ReturnValues {
    private ReturnValues() {}

    static Response toResponse(Flask app, Object rv) {
        if (rv instanceof Response r) {
            return r;
        }
        if (rv instanceof CharSequence s) {
            return new Response(s.toString());
        }
        if (rv instanceof byte[] b) {
            return new Response(b, 200, "text/html");
        }
        if (rv instanceof HttpException e) {
            return fromHttpException(e);
        }
        if (rv instanceof Map || rv instanceof Collection || rv instanceof Record
                || (rv != null && rv.getClass().isArray())) {
            return json(app, rv);
        }
        if (rv instanceof BaseStream<?, ?> stream) {
            return Response.stream(stream.iterator());
        }
        if (rv instanceof Iterator<?> it) {
            return Response.stream(it);
        }
        if (rv == null) {
            String endpoint = ContextStack.hasRequestContext() ? Flask.request().endpoint() : null;
            throw new IllegalStateException("The view function for '" + endpoint + "' did not return a valid"
                    + " response. The function either returned null or ended without a return statement.");
        }
        throw new IllegalStateException("The view function did not return a valid response. The return type must"
                + " be a String, byte[], Map, List, array, record, Response, Stream or Iterator, but it was a "
                + rv.getClass().getName() + ".");
    }

    static Response fromHttpException(HttpException e) {
        if (e instanceof AbortedResponse a) {
            return a.response();
        }
        Response r = new Response(e.body().getBytes(StandardCharsets.UTF_8), e.code(), "text/html");
        r.headers().set("Content-Type", e.contentType());
        e.headers().forEach((k, v) -> r.headers().set(k, v));
        return r;
    }

    /** Flask's JSON response: sorted, compact (indented in debug), ASCII-only, with a trailing newline. */
    static Response json(Flask app, Object data) {
        String text = app.json().dumps(data, app.debug()) + "\n";
        return new Response(text.getBytes(StandardCharsets.UTF_8), 200, "application/json");
    }
}
