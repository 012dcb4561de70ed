package com.example;

import dev.flaskj.Blueprint;
import dev.flaskj.Route;

/**
 * A view that fails on purpose, to show debug mode: with {@code flask.debug=true} (as under {@code mvn jetty:run})
 * {@code /debug/boom} shows the traceback page with this file's lines; with debug off, the plain 500 page.
 */
public class DebugDemo extends Blueprint {
    public DebugDemo() {
        super("debug", "/debug");
    }

    @Route("/boom")
    String boom() {
        throw new IllegalStateException("Boom! This view fails on purpose to show the debug page.");
    }
}
