package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Flask's tests/test_views.py, case by case (each method names the Flask test it ports). Flask's
 * {@code View.as_view} becomes {@code addUrlRule(rule, endpoint, MethodView | Supplier)}; a plain {@code View}
 * subclass with {@code dispatch_request} becomes a lambda {@link View}; the class attributes {@code methods},
 * {@code decorators}, {@code provide_automatic_options} and {@code init_every_request} become
 * {@link RuleOptions#withMethods}, {@link Decorate @Decorate}, {@link RuleOptions#provideAutomaticOptions} and the
 * choice between an instance and a supplier. Not ported: {@code test_methods_var_inheritance} (handlers for
 * methods outside get/post/put/patch/delete/head/options/trace, such as {@code propfind}).
 */
class FlaskViewsPortTest {

    /** test_views.py's common_test. */
    private static void commonTest(Flask app) {
        TestClient c = app.testClient();
        assertEquals("GET", c.get("/").text());
        assertEquals("POST", c.post("/").text());
        assertEquals(405, c.put("/").status());
        assertEquals(List.of("GET", "HEAD", "OPTIONS", "POST"), allow(c.options("/")));
    }

    private static List<String> allow(TestResponse r) {
        List<String> methods = new ArrayList<>(List.of(r.header("Allow").split(", ")));
        methods.sort(null);
        return methods;
    }

    @Test
    void test_basic_view() {
        Flask app = new Flask();
        app.addUrlRule("/", "index", args -> Flask.request().method(), "GET", "POST");
        commonTest(app);
    }

    public static class Index extends MethodView {
        public Object get() {
            return "GET";
        }

        public Object post() {
            return "POST";
        }
    }

    @Test
    void test_method_based_view() {
        Flask app = new Flask();
        app.addUrlRule("/", "index", new Index());
        commonTest(app);
    }

    public static class Broken extends MethodView {
        public Object get() {
            throw new ArithmeticException("/ by zero");
        }

        public Object post() {
            throw new ArithmeticException("/ by zero");
        }
    }

    public static class Other extends Broken {
        @Override
        public Object get() {
            return "GET";
        }

        @Override
        public Object post() {
            return "POST";
        }
    }

    @Test
    void test_view_patching() {
        // Flask swaps view.view_class; here the factory decides the class it makes.
        Flask app = new Flask();
        app.addUrlRule("/", "index", (java.util.function.Supplier<Broken>) Other::new);
        commonTest(app);
    }

    public static class BetterIndex extends Index {
        public Object delete() {
            return "DELETE";
        }
    }

    @Test
    void test_view_inheritance() {
        Flask app = new Flask();
        app.addUrlRule("/", "index", new BetterIndex());
        assertEquals(List.of("DELETE", "GET", "HEAD", "OPTIONS", "POST"), allow(app.testClient().options("/")));
    }

    static final class AddXParachute implements ViewDecorator {
        @Override
        public View decorate(View view) {
            return args -> {
                Response resp = Flask.makeResponse(view.handle(args));
                resp.headers().set("X-Parachute", "awesome");
                return resp;
            };
        }
    }

    @Decorate(AddXParachute.class)
    public static class Awesome extends MethodView {
        public Object get() {
            return "Awesome";
        }
    }

    @Test
    void test_view_decorators() {
        Flask app = new Flask();
        app.addUrlRule("/", "index", new Awesome());
        TestResponse rv = app.testClient().get("/");
        assertEquals("awesome", rv.header("X-Parachute"));
        assertEquals("Awesome", rv.text());
    }

    public static class Hello extends MethodView {
        public Object get() {
            return "Hello World!";
        }
    }

    @Test
    void test_view_provide_automatic_options_attr_disable() {
        Flask app = new Flask();
        app.addUrlRule("/", "index", new Hello(), RuleOptions.defaultOptions().provideAutomaticOptions(false));
        assertEquals(405, app.testClient().options("/").status());
    }

    @Test
    void test_view_provide_automatic_options_attr_enable() {
        Flask app = new Flask();
        app.config().put("PROVIDE_AUTOMATIC_OPTIONS", false);
        app.addUrlRule("/", "index", new Hello(), RuleOptions.defaultOptions().provideAutomaticOptions(true));
        assertEquals(List.of("GET", "HEAD", "OPTIONS"), allow(app.testClient().options("/")));
    }

    @Test
    void test_provide_automatic_options_method_disable() {
        Flask app = new Flask();
        app.addUrlRule("/", "index", args -> Flask.makeResponse("", Map.of("X-Test", "test")), "OPTIONS");
        assertEquals("test", app.testClient().options("/").header("X-Test"));
    }

    public static class ImplicitHead extends MethodView {
        public Object get() {
            return Flask.makeResponse("Blub", Map.of("X-Method", Flask.request().method()));
        }
    }

    @Test
    void test_implicit_head() {
        Flask app = new Flask();
        app.addUrlRule("/", "index", new ImplicitHead());
        TestClient client = app.testClient();
        TestResponse rv = client.get("/");
        assertEquals("Blub", rv.text());
        assertEquals("GET", rv.header("X-Method"));
        rv = client.head("/");
        assertEquals("", rv.text());
        assertEquals("HEAD", rv.header("X-Method"));
    }

    public static class ExplicitHead extends MethodView {
        public Object get() {
            return "GET";
        }

        public Object head() {
            return Flask.makeResponse("", Map.of("X-Method", "HEAD"));
        }
    }

    @Test
    void test_explicit_head() {
        Flask app = new Flask();
        app.addUrlRule("/", "index", new ExplicitHead());
        TestClient client = app.testClient();
        assertEquals("GET", client.get("/").text());
        TestResponse rv = client.head("/");
        assertEquals("", rv.text());
        assertEquals("HEAD", rv.header("X-Method"));
    }

    @Test
    void test_endpoint_override() {
        Flask app = new Flask();
        app.config().put("DEBUG", true);
        app.addUrlRule("/", "index", new Index());
        // Flask: AssertionError "View function mapping is overwriting an existing endpoint function"
        assertThrows(IllegalArgumentException.class, () -> app.addUrlRule("/other", "index", new Index()));
        commonTest(app);
    }

    /** Java's multiple inheritance of behaviour: interfaces' default methods. */
    public interface GetView {
        default Object get() {
            return "GET";
        }
    }

    public interface DeleteView {
        default Object delete() {
            return "DELETE";
        }
    }

    public static class GetDeleteView extends MethodView implements GetView, DeleteView {}

    @Test
    void test_multiple_inheritance() {
        Flask app = new Flask();
        app.addUrlRule("/", "index", new GetDeleteView());
        TestClient client = app.testClient();
        assertEquals("GET", client.get("/").text());
        assertEquals("DELETE", client.delete("/").text());
        assertEquals(List.of("DELETE", "GET", "HEAD", "OPTIONS"), allow(client.options("/")));
    }

    @Test
    void test_remove_method_from_parent() {
        Flask app = new Flask();
        app.addUrlRule("/", "index", new Index(), RuleOptions.methods("GET"));
        TestClient client = app.testClient();
        assertEquals("GET", client.get("/").text());
        assertEquals(405, client.post("/").status());
        assertEquals(List.of("GET", "HEAD", "OPTIONS"), allow(client.options("/")));
    }

    public static class CountInit extends MethodView {
        static final AtomicInteger N = new AtomicInteger();

        public CountInit() {
            N.incrementAndGet();
        }

        public Object get() {
            return String.valueOf(N.get());
        }
    }

    @Test
    void test_init_once() {
        CountInit.N.set(0);
        Flask app = new Flask();
        app.addUrlRule("/", "index", new CountInit()); // Flask: init_every_request = False
        TestClient client = app.testClient();
        assertEquals("1", client.get("/").text());
        assertEquals("1", client.get("/").text());
    }
}
