/**
 * Thymeleaf templates the Flask way: {@code renderTemplate("hello.html", "name", name)} renders
 * {@code templates/hello.html} with {@code request}, {@code session}, {@code g}, {@code config} and the
 * {@code #flask} expression object ({@code urlFor}, flashed messages, config) in scope
 * (Flask: {@code flask.templating}).
 *
 * <p>{@link dev.flaskj.templating.TemplateRenderer} owns one Thymeleaf engine per app;
 * {@link dev.flaskj.templating.FlaskDialect} contributes {@code #flask}. Values are non-null unless documented.
 */
package dev.flaskj.templating;
