/**
 * Werkzeug's URL routing: rule strings, converters, the state-machine matcher and URL building.
 *
 * <p>Werkzeug: {@code werkzeug.routing}. A {@link dev.flaskj.routing.UrlMap} collects
 * {@link dev.flaskj.routing.Rule}s compiled from {@link dev.flaskj.routing.RuleSpec}s, is frozen before the first
 * request, and then answers {@link dev.flaskj.routing.UrlMap#match(String, String)} with a
 * {@link dev.flaskj.routing.MatchResult} (it never throws per request) and builds URLs through
 * {@link dev.flaskj.routing.UrlBuilder}. The behaviour follows Werkzeug 3.1 case for case.
 *
 * <p>Everything in this package is non-null unless documented. Lower layer: uses the JDK and {@code dev.flaskj.internal}.
 */
package dev.flaskj.routing;
