package dev.flaskj.it.apps;

import dev.flaskj.Flask;
import dev.flaskj.Route;

/** Logs a user in through the signed-cookie session and reads it back; SECRET_KEY comes from web.xml. */
public class SessionApp extends Flask {
    @Route(value = "/login/<name>", methods = "POST")
    String login(String name) {
        session().put("user", name);
        flash("Welcome " + name);
        return "logged in";
    }

    @Route("/whoami")
    String whoami() {
        Object user = session().get("user");
        return user == null ? "anonymous" : user.toString();
    }
}
