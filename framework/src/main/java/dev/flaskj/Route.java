package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers the annotated method of a {@link Flask} or {@link Blueprint} subclass as the view for a URL rule.
 *
 * <p>Flask: {@code @app.route(rule, **options)}.
 * <pre>{@code
 * @Route("/post/<int:postId>")
 * String showPost(int postId) { return "Post " + postId; }
 *
 * @Route(value = "/login", methods = {"GET", "POST"})
 * Object login() { ... }
 * }</pre>
 * Rule variables bind to method parameters by name (compile with {@code -parameters}) and are converted to the
 * parameter's type ({@code int}/{@code Integer}/{@code long}/{@code BigInteger}, {@code double}, {@code UUID},
 * {@code String}). A mismatch between rule and signature fails at startup, naming the method.
 * Repeat the annotation to register several rules for one view; they share one endpoint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Routes.class)
public @interface Route {
    /** The URL rule, e.g. {@code /user/<username>}; must start with {@code /}. */
    String value();

    /** Allowed methods; GET implies HEAD, and OPTIONS is answered automatically. */
    String[] methods() default {"GET"};

    /** The endpoint name for {@code urlFor}; the method name when empty. */
    String endpoint() default "";

    /** Default values for variables the rule lacks, as {@code "key=value"} strings, e.g. {@code "page=1"}. */
    String[] defaults() default {};

    /** Whether {@code /x} redirects to a rule {@code /x/} (308) and {@code /x/} is a 404 for a rule {@code /x}. */
    boolean strictSlashes() default true;

    /**
     * Whether {@code //} counts as {@code /} for this rule (Werkzeug: {@code merge_slashes}); see
     * {@link RuleOptions#mergeSlashes}.
     */
    boolean mergeSlashes() default true;

    /**
     * Whether this rule is an alias (Werkzeug: {@code alias}): a request it matches is redirected (308) to the URL
     * the endpoint's other rule builds for the same values; see {@link RuleOptions#alias}.
     * <pre>{@code
     * @Get("/posts/<int:id>")
     * @Get(value = "/p/<int:id>", alias = true)   // old links answer 308 to /posts/<id>
     * String post(int id) { ... }
     * }</pre>
     */
    boolean alias() default false;
}
