package ${package};

import dev.flaskj.Flask;
import dev.flaskj.Route;

/** The application: each @Route method is a view. */
public class App extends Flask {
    @Route("/")
    String index() {
        return "Hello, World!";
    }

    @Route("/user/<username>")
    String showUserProfile(String username) {
        return "User " + username;
    }
}
