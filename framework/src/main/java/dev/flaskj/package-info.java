/**
 * flaskj: Flask's programming model for Jakarta Servlet 6. This package is the whole API an application is written
 * against; the sub-packages hold the parts Flask takes from Werkzeug and itsdangerous, and the pluggable pieces.
 *
 * <h2>Start here</h2>
 * <ul>
 *   <li>{@link dev.flaskj.Flask}: the application object, as Flask's {@code Flask}: routes, hooks, error
 *       handlers, {@link dev.flaskj.Config config}, blueprints and extensions, and the static helpers a view calls
 *       ({@code request()}, {@code session()}, {@code urlFor}, {@code renderTemplate}, {@code abort},
 *       {@code redirect}, {@code jsonify}, {@code flash}).</li>
 *   <li>{@link dev.flaskj.FlaskFilter}: the servlet filter that serves an application in a container (name the
 *       application class in {@code web.xml} or register the filter in code).</li>
 *   <li>{@link dev.flaskj.Config}: the configuration, a string-keyed map with Flask's defaults.</li>
 * </ul>
 *
 * <h2>Routing and views</h2>
 * <ul>
 *   <li>{@link dev.flaskj.Route} and {@link dev.flaskj.Routes}: annotate a method as a view ({@code @app.route}).</li>
 *   <li>{@link dev.flaskj.View}: a view as a lambda, for {@code addUrlRule}; {@link dev.flaskj.ViewArgs}: the
 *       values the URL rule captured.</li>
 *   <li>{@link dev.flaskj.RuleOptions}: methods, defaults, endpoint, strict slashes and the other options of a
 *       rule.</li>
 *   <li>{@link dev.flaskj.Blueprint}: a group of routes, hooks and handlers registered on an application under a
 *       name and prefix; {@link dev.flaskj.Scaffold} is what {@code Flask} and {@code Blueprint} share.</li>
 * </ul>
 *
 * <h2>Hooks</h2>
 * <ul>
 *   <li>{@link dev.flaskj.BeforeRequest} / {@link dev.flaskj.BeforeRequestFunction}: run before the view; a
 *       non-null result is the response.</li>
 *   <li>{@link dev.flaskj.AfterRequest} / {@link dev.flaskj.AfterRequestFunction}: change or replace the
 *       response.</li>
 *   <li>{@link dev.flaskj.TeardownRequest} / {@link dev.flaskj.TeardownFunction}: always run when the request
 *       context ends, with the exception if there was one.</li>
 *   <li>{@link dev.flaskj.ContextProcessor} / {@link dev.flaskj.ContextProcessorFunction}: add values to every
 *       template's context.</li>
 * </ul>
 *
 * <h2>Contexts and helpers</h2>
 * <ul>
 *   <li>{@link dev.flaskj.Request}: the incoming request ({@code args}, {@code form}, {@code files},
 *       {@code json}, {@code cookies}, {@code headers}).</li>
 *   <li>{@link dev.flaskj.RequestContext} and {@link dev.flaskj.AppContext}: the contexts Flask pushes per
 *       request and per application; {@link dev.flaskj.AppGlobals} is {@code g}.</li>
 *   <li>{@link dev.flaskj.FlashMessage}: one flashed message with its category.</li>
 *   <li>{@link dev.flaskj.Markup}: text that is safe HTML, and {@code Markup.escape} for text that is not.</li>
 * </ul>
 *
 * <h2>Responses</h2>
 * <ul>
 *   <li>{@link dev.flaskj.Response}: status, headers, body and cookies; a view may also return a string, a map
 *       (as JSON), a {@code Response} or a status/headers tuple, as Flask's {@code make_response} accepts.</li>
 *   <li>Files: {@code Flask.sendFile} and {@code Flask.sendFromDirectory}, with Flask's conditional and range
 *       handling.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * <ul>
 *   <li>{@link dev.flaskj.ErrorHandler} / {@link dev.flaskj.ErrorHandlerFunction}: handle an HTTP status or an
 *       exception type, found in Flask's order (most specific class first, blueprint before application).</li>
 *   <li>The HTTP errors themselves are in {@link dev.flaskj.exceptions} ({@code NotFound}, {@code BadRequest},
 *       ...), raised with {@code Flask.abort}.</li>
 * </ul>
 *
 * <h2>Extensions</h2>
 * <ul>
 *   <li>{@link dev.flaskj.Extension}: an object that configures an application in {@code initApp}, as Flask
 *       extensions do.</li>
 *   <li>Pluggable parts: {@link dev.flaskj.sessions} (session interfaces), {@link dev.flaskj.templating} (the
 *       Thymeleaf renderer), {@link dev.flaskj.json} (the JSON provider), {@link dev.flaskj.middleware}
 *       ({@code ProxyFix}).</li>
 * </ul>
 *
 * <h2>Packages</h2>
 * <ul>
 *   <li>Application layer: {@code dev.flaskj}, {@link dev.flaskj.sessions}, {@link dev.flaskj.templating},
 *       {@link dev.flaskj.testing} (the test client), {@link dev.flaskj.cli} ({@code flask routes}),
 *       {@link dev.flaskj.middleware}.</li>
 *   <li>Lower layer, usable without an application: {@link dev.flaskj.routing}, {@link dev.flaskj.http},
 *       {@link dev.flaskj.json}, {@link dev.flaskj.signing}, {@link dev.flaskj.exceptions}; it never refers to
 *       the application layer.</li>
 *   <li>{@code dev.flaskj.internal} is not API: helpers shared inside flaskj, which applications must not
 *       import.</li>
 * </ul>
 */
package dev.flaskj;
