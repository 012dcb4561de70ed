package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@link Route} allowing only {@code PUT}; OPTIONS is answered automatically (Flask: {@code @app.put(rule)}).
 *
 * <pre>{@code
 * @Put("/items/<int:id>")
 * Object putItem(int id) { ... }
 * }</pre>
 * The attributes are {@code @Route}'s without {@code methods}, and variables bind the same way. Repeat it for
 * several rules; combine it with another shortcut ({@code @Get @Post}) or {@code @Route} on the same method to
 * register one rule per annotation, all with the method's endpoint, as stacking Flask's decorators does.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Puts.class)
public @interface Put {
    /** The URL rule, e.g. {@code /user/<username>}; must start with {@code /}. */
    String value();

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
     * @Put("/posts/<int:id>")
     * @Put(value = "/p/<int:id>", alias = true)   // old links answer 308 to /posts/<id>
     * String post(int id) { ... }
     * }</pre>
     */
    boolean alias() default false;
}
