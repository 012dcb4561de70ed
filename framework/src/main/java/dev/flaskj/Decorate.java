package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wraps the annotated view in a {@link ViewDecorator} (Flask: a decorator line above the view function).
 *
 * <pre>{@code
 * @Route("/secret")
 * @Decorate(LoginRequiredDecorator.class)
 * String secret() { return "only for members"; }
 * }</pre>
 * It also works as a meta-annotation, so a project can name its decorators:
 * <pre>{@code
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target({ElementType.METHOD, ElementType.TYPE})
 * @Decorate(LoginRequiredDecorator.class)
 * public @interface LoginRequired {}
 *
 * @Route("/secret") @LoginRequired
 * String secret() { ... }
 * }</pre>
 * <b>Order.</b> The first decorator listed is the outermost: it runs first and sees the response last, as the top
 * decorator does in Python. Decorators come in the order of the method's annotations, a meta-annotation standing
 * where the annotation carrying it is written (an annotation carrying several stands for all of them, in its own
 * order). Java groups repeated {@code @Decorate}s on one element into one container at the first one's position,
 * so {@code @Decorate(A.class) @LoginRequired @Decorate(B.class)} runs A, B, then LoginRequired's: keep a method's
 * plain {@code @Decorate}s together to avoid surprises.
 *
 * <p>On a {@link MethodView} class it decorates the whole view, every handler (Flask: the class's
 * {@code decorators}); a subclass with decorator annotations of its own replaces its superclass's, a subclass
 * without any keeps them. On a method that is not a view, or on a {@code MethodView}'s handler method, it is a
 * startup error, so a forgotten route never leaves a decorator unapplied silently.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(Decorates.class)
public @interface Decorate {
    /** The decorator class: a {@link ViewDecorator} with a no-argument constructor. */
    Class<? extends ViewDecorator> value();
}
