package com.example.flaskr;

import dev.flaskj.Decorate;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends anonymous visitors to the login page instead of running the view (Flask tutorial: the
 * {@code login_required} decorator of {@code flaskr/auth.py}).
 *
 * <pre>{@code
 * @Route(value = "/create", methods = {"GET", "POST"})
 * @LoginRequired
 * Object create() { User user = Auth.currentUser(); ... }   // never null here
 * }</pre>
 * The work is done by {@code Auth.LoginRequiredDecorator}; this annotation only names it, so views read as they
 * do in the tutorial.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Decorate(Auth.LoginRequiredDecorator.class)
public @interface LoginRequired {}
