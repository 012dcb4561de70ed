package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Blueprint}, adds the variables the annotated no-argument method returns (a {@code Map}) to every
 * template the app renders (Flask: {@code @bp.app_context_processor}); see {@link Blueprint#appContextProcessor}.
 * On a {@link Flask} app it is a startup error: use {@link ContextProcessor} there.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AppContextProcessor {}
