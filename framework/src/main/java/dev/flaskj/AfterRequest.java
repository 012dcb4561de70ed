package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated {@code Response -> Response} method after every request that produced a response
 * (Flask: {@code @app.after_request}), in reverse registration order.
 * <pre>{@code
 * @AfterRequest
 * Response addHeader(Response response) { response.headers().set("X-Frame-Options", "DENY"); return response; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterRequest {}
