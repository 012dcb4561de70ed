package dev.flaskj.it.apps;

import dev.flaskj.Flask;
import dev.flaskj.Route;

/** A page with a layout, a flashed message and a session value. */
public class TemplatesApp extends Flask {
    @Route(value = "/login/<name>", methods = "POST")
    Object login(String name) {
        session().put("username", name);
        flash("Hello <" + name + ">", "info");
        return redirect(urlFor("page"));
    }

    @Route("/page")
    String page() {
        return renderTemplate("it-page.html", "heading", "Templates <on a container>");
    }
}
