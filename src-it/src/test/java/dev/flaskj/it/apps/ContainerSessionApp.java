package dev.flaskj.it.apps;

import dev.flaskj.Flask;
import dev.flaskj.Route;

/**
 * Logs users in through the container's HttpSession ({@code SESSION_INTERFACE=container} from web.xml):
 * {@code /visit} opens an empty HttpSession the way other code in the web application may (a login form, a
 * servlet), {@code /cart} stores data before login, {@code /login} and {@code /sudo} log in.
 */
public class ContainerSessionApp extends Flask {
    @Route("/visit")
    String visit() {
        request().servletRequest().getSession(true);
        return "visited";
    }

    @Route(value = "/cart/<item>", methods = "POST")
    String cart(String item) {
        session().put("cart", item);
        return "added " + item;
    }

    @Route(value = "/login/<name>", methods = "POST")
    String login(String name) {
        session().put("user", name);
        return "logged in";
    }

    @Route(value = "/sudo/<name>", methods = "POST")
    String sudo(String name) {
        session().put("user", name);
        session().regenerate();
        return "logged in";
    }

    @Route("/whoami")
    String whoami() {
        Object user = session().get("user");
        Object cart = session().get("cart");
        return (user == null ? "anonymous" : user.toString()) + (cart == null ? "" : " cart=" + cart);
    }
}
