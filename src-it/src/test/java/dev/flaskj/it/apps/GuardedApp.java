package dev.flaskj.it.apps;

import dev.flaskj.Flask;
import dev.flaskj.Route;

/**
 * Views behind container-level guards: /admin/* has a servlet filter that refuses every request, /secure/* a
 * security constraint that admits nobody. A response with {@code VIEW} means a view ran that the guard never saw.
 */
public class GuardedApp extends Flask {
    @Route(value = "/admin/<path:p>", methods = {"GET", "POST"})
    String admin(String p) {
        return "VIEW admin " + p;
    }

    @Route(value = "/secure/<path:p>", methods = {"GET", "POST"})
    String secure(String p) {
        return "VIEW secure " + p;
    }

    @Route("/open")
    String open() {
        return "open " + request().path();
    }

    @Route("/<path:p>/")
    String slash(String p) {
        return "slash " + p;
    }
}
