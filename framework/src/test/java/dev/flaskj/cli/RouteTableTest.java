package dev.flaskj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaskj.Blueprint;
import dev.flaskj.Flask;
import dev.flaskj.View;
import dev.flaskj.routing.UrlMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code flask routes} output, byte for byte (Flask 3.x pads every column). */
class RouteTableTest {
    /** The quickstart-shaped app whose table §15.3 shows; rules registered in a shuffled order on purpose. */
    private static Flask app() {
        Flask app = new Flask("routes");
        app.addUrlRule("/user/<username>", "show_user", args -> "", "GET", "POST");
        app.addUrlRule("/", "index", args -> "");
        app.addUrlRule("/post/<int:post_id>", "show_post", args -> "");
        app.addUrlRule("/login", "login", args -> "", "POST");
        app.registerBlueprint(new Admin());
        return app;
    }

    /** A blueprint with one view at its root. */
    static final class Admin extends Blueprint {
        Admin() {
            super("admin", "/admin");
            addUrlRule("/", "dash", args -> "");
        }
    }

    @Test
    void defaultSortIsByEndpointWithPaddedColumns() {
        List<String> expected = List.of(
                "Endpoint    Methods    Rule                   ",
                "----------  ---------  -----------------------",
                "admin.dash  GET        /admin/                ",
                "index       GET        /                      ",
                "login       POST       /login                 ",
                "show_post   GET        /post/<int:post_id>    ",
                "show_user   GET, POST  /user/<username>       ",
                "static      GET        /static/<path:filename>");
        assertEquals(expected, RouteTable.format(app().urlMap().rules(), RouteTable.Sort.ENDPOINT, false));
    }

    @Test
    void allMethodsShowsHeadAndOptions() {
        List<String> lines = RouteTable.format(app().urlMap().rules(), RouteTable.Sort.ENDPOINT, true);
        assertEquals("Endpoint    " + pad("Methods", 24) + "  Rule                   ", lines.get(0));
        assertEquals("show_user   GET, HEAD, OPTIONS, POST  /user/<username>       ", lines.get(6));
        assertEquals("login       " + pad("OPTIONS, POST", 24) + "  /login                 ", lines.get(4));
    }

    @Test
    void sortByRuleAndByMethods() {
        List<String> byRule = RouteTable.format(app().urlMap().rules(), RouteTable.Sort.RULE, false);
        assertEquals(List.of("index", "admin.dash", "login", "show_post", "static", "show_user"),
                byRule.stream().skip(2).map(l -> l.substring(0, l.indexOf(' '))).toList());
        List<String> byMethods = RouteTable.format(app().urlMap().rules(), RouteTable.Sort.METHODS, false);
        // "GET" < "GET, POST" < "POST"; equal keys keep the match order (stable sort, as in Python)
        assertEquals(List.of("static", "index", "show_post", "admin.dash", "show_user", "login"),
                byMethods.stream().skip(2).map(l -> l.substring(0, l.indexOf(' '))).toList());
    }

    @Test
    void matchOrderGroupsRulesByEndpointInFirstRegistrationOrder() {
        Flask app = new Flask("match");
        View a = args -> "";
        app.addUrlRule("/a", "a", a);
        app.addUrlRule("/b", "b", args -> "");
        app.addUrlRule("/a2", "a", a);
        List<String> lines = RouteTable.format(app.urlMap().rules(), RouteTable.Sort.parse("match"), false);
        assertEquals(List.of("static", "a", "a", "b"),
                lines.stream().skip(2).map(l -> l.substring(0, l.indexOf(' '))).toList());
        assertEquals("a         GET      /a2                    ", lines.get(4));
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    @Test
    void emptyMapSaysSo() {
        assertEquals(List.of("No routes were registered."),
                RouteTable.format(new UrlMap().rules(), RouteTable.Sort.ENDPOINT, false));
    }
}
