package dev.flaskj.it.apps;

import dev.flaskj.Flask;
import dev.flaskj.Route;
import java.util.concurrent.ThreadLocalRandom;

/** Stores a per-request token in g() and in a request attribute, waits 0–5 ms, then echoes both. */
public class ConcurrencyApp extends Flask {
    @Route("/echo/<token>")
    String echo(String token) throws InterruptedException {
        g().put("token", token);
        request().servletRequest().setAttribute("token", token);
        Thread.sleep(ThreadLocalRandom.current().nextInt(6)); // let other requests interleave on the pool
        return g().get("token") + " " + request().servletRequest().getAttribute("token");
    }
}
