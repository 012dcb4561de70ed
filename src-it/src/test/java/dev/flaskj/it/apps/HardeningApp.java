package dev.flaskj.it.apps;

import dev.flaskj.Flask;
import dev.flaskj.Route;

/** Views that read request data the way typical apps do, for the container-level hardening checks. */
public class HardeningApp extends Flask {
    public HardeningApp() {
        config().put("SECRET_KEY", "hardening-it");
    }

    @Route("/")
    String index() {
        return "index"; // reads nothing: only the session save looks at the cookies
    }

    @Route("/list")
    String list() {
        return "page " + request().args().getInt("page", 1);
    }

    @Route("/boom")
    String boom() {
        throw new AssertionError("deliberate Error from a view");
    }
}
