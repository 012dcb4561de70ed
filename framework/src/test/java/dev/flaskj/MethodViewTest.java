package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestRequest;
import dev.flaskj.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Class-based views. Flask's own tests/test_views.py is ported case by case in {@link FlaskViewsPortTest}; this
 * class covers binding, blueprints, decorators and the startup errors.
 */
class MethodViewTest {

    public static class ItemApi extends MethodView {
        public Object get(int id) {
            return "item " + id + " via " + Flask.request().method() + " at " + Flask.urlFor(Flask.request().endpoint(),
                    "id", id);
        }

        public Object put(int id) {
            return "replaced " + id;
        }
    }

    @Test
    void handlerParametersBindByNameAndAreConverted() {
        Flask app = new Flask();
        app.addUrlRule("/items/<int:id>", "item", new ItemApi());
        TestClient c = app.testClient();
        assertEquals("item 7 via GET at /items/7", c.get("/items/7").text());
        assertEquals("replaced 7", c.put("/items/7").text());
        assertEquals(404, c.get("/items/x").status());
        TestResponse post = c.post("/items/7");
        assertEquals(405, post.status());
        assertEquals(List.of("GET", "HEAD", "OPTIONS", "PUT"), sorted(post.header("Allow")));
        TestResponse head = c.head("/items/7");
        assertEquals(200, head.status());
        assertEquals("", head.text());
    }

    @Test
    void onABlueprintTheEndpointGetsTheBlueprintsName() {
        Blueprint api = new Blueprint("api", "/api") {};
        api.addUrlRule("/items/<int:id>", "item", new ItemApi());
        Flask app = new Flask();
        app.registerBlueprint(api);
        assertEquals("item 2 via GET at /api/items/2", app.testClient().get("/api/items/2").text());
    }

    static final class Stamp implements ViewDecorator {
        @Override
        public View decorate(View view) {
            return args -> {
                Response r = Flask.makeResponse(view.handle(args));
                r.headers().add("X-Stamp", "class");
                return r;
            };
        }
    }

    @Decorate(Stamp.class)
    public static class Stamped extends MethodView {
        public Object get() {
            return "got";
        }

        public Object post() {
            return "posted";
        }
    }

    /** Inherits the decorators of its superclass, which has them and it has none. */
    public static class StampedChild extends Stamped {
        public Object delete() {
            return "deleted";
        }
    }

    @Test
    void classDecoratorsWrapEveryHandlerAndRuleOptionsDecoratorsWrapThose() {
        Flask app = new Flask();
        ViewDecorator outer = view -> args -> {
            Response r = Flask.makeResponse(view.handle(args));
            r.headers().add("X-Stamp", "options");
            return r;
        };
        app.addUrlRule("/s", "s", new Stamped(), RuleOptions.defaultOptions().decorators(outer));
        app.addUrlRule("/child", "child", new StampedChild());
        TestClient c = app.testClient();
        assertEquals(List.of("class", "options"), c.get("/s").headers().getList("X-Stamp"));
        assertEquals(List.of("class", "options"), c.post("/s").headers().getList("X-Stamp"));
        TestResponse deleted = c.delete("/child");
        assertEquals("deleted", deleted.text());
        assertEquals(List.of("class"), deleted.headers().getList("X-Stamp"));
    }

    public static class Counter extends MethodView {
        static final AtomicInteger CREATED = new AtomicInteger();
        private int calls; // per-instance state: safe only with a new instance per request

        public Counter() {
            CREATED.incrementAndGet();
        }

        public Object get() {
            calls++;
            return "calls " + calls;
        }
    }

    @Test
    void aSupplierMakesAnInstancePerRequestAnInstanceServesThemAll() {
        Flask app = new Flask();
        int before = Counter.CREATED.get();
        app.addUrlRule("/fresh", "fresh", Counter::new);
        app.addUrlRule("/shared", "shared", new Counter());
        assertEquals(before + 2, Counter.CREATED.get()); // the supplier once, to learn the class; the instance
        TestClient c = app.testClient();
        assertEquals("calls 1", c.get("/fresh").text());
        assertEquals("calls 1", c.get("/fresh").text());
        assertEquals("calls 1", c.get("/shared").text());
        assertEquals("calls 2", c.get("/shared").text());
        assertEquals(before + 4, Counter.CREATED.get());
    }

    public static class Everything extends MethodView {
        public Object get() {
            return "get";
        }

        public Object post() {
            return "post";
        }

        public Object put() {
            return "put";
        }

        public Object patch() {
            return "patch";
        }

        public Object delete() {
            return "delete";
        }
    }

    @Test
    void allFiveHandlersAreDispatchedByMethod() {
        Flask app = new Flask();
        app.addUrlRule("/", "all", new Everything());
        TestClient c = app.testClient();
        for (String m : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            assertEquals(m.toLowerCase(), c.open(TestRequest.of(m, "/")).text());
        }
        TestResponse options = c.options("/");
        assertEquals(List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"),
                sorted(options.header("Allow")));
    }

    // --- startup errors

    public static class Empty extends MethodView {
        public Object fetch() {
            return "not a handler";
        }
    }

    public static class MissingVariable extends MethodView {
        public Object get(int id, String slug) {
            return "x";
        }
    }

    public static class NonPublic extends MethodView {
        Object get() {
            return "x";
        }
    }

    public static class Overloaded extends MethodView {
        public Object get() {
            return "x";
        }

        public Object get(int id) {
            return "y";
        }
    }

    public static class DecoratedHandler extends MethodView {
        @Decorate(Stamp.class)
        public Object get() {
            return "x";
        }
    }

    static final class NoDefaultConstructor implements ViewDecorator {
        NoDefaultConstructor(int level) {}

        @Override
        public View decorate(View view) {
            return view;
        }
    }

    @Decorate(NoDefaultConstructor.class)
    public static class BadDecorator extends MethodView {
        public Object get() {
            return "x";
        }
    }

    @Test
    void aMethodViewWithoutHandlersFailsRegistrationNamingTheClassAndTheFix() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> new Flask().addUrlRule("/", "e", new Empty())).getMessage();
        assertTrue(m.startsWith(Empty.class.getName() + ": a MethodView needs at least one handler method"), m);
        assertTrue(m.contains("add e.g. public Object get()"), m);
    }

    @Test
    void aHandlerBindingAMissingVariableFailsNamingTheMethodAndTheFix() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> new Flask().addUrlRule("/<int:id>", "mv", new MissingVariable())).getMessage();
        assertTrue(m.startsWith(MissingVariable.class.getName() + ".get(int, String): parameter 'slug' is not a"
                + " variable (or default) of rule '/<int:id>'"), m);
        assertTrue(m.contains("add <slug> to the rule or a default for it, or remove the parameter"), m);

        // on a blueprint the check runs when the app registers it
        Blueprint bp = new Blueprint("bp") {};
        bp.addUrlRule("/<int:id>", "mv", new MissingVariable());
        String late = assertThrows(IllegalArgumentException.class, () -> new Flask().registerBlueprint(bp))
                .getMessage();
        assertTrue(late.contains("parameter 'slug'"), late);
    }

    @Test
    void otherMisusesFailRegistrationToo() {
        String nonPublic = assertThrows(IllegalArgumentException.class,
                () -> new Flask().addUrlRule("/", "np", new NonPublic())).getMessage();
        assertTrue(nonPublic.startsWith(NonPublic.class.getName() + ".get(): a MethodView handler must be public"),
                nonPublic);
        String overloaded = assertThrows(IllegalArgumentException.class,
                () -> new Flask().addUrlRule("/", "o", new Overloaded())).getMessage();
        assertTrue(overloaded.contains("has two get handlers"), overloaded);
        String onHandler = assertThrows(IllegalArgumentException.class,
                () -> new Flask().addUrlRule("/", "d", new DecoratedHandler())).getMessage();
        assertTrue(onHandler.startsWith(DecoratedHandler.class.getName() + ".get(): @Decorate on a MethodView handler")
                && onHandler.contains("put it on the class"), onHandler);
        String decorator = assertThrows(IllegalArgumentException.class,
                () -> new Flask().addUrlRule("/", "b", new BadDecorator())).getMessage();
        assertTrue(decorator.startsWith(BadDecorator.class.getName() + ": decorator "
                + NoDefaultConstructor.class.getName() + " has no no-argument constructor; add one"), decorator);
        String unhandled = assertThrows(IllegalArgumentException.class,
                () -> new Flask().addUrlRule("/", "u", new ItemApi(), RuleOptions.methods("GET", "POST")))
                .getMessage();
        assertTrue(unhandled.contains("RuleOptions.methods lists POST but the class has no public post(...) handler"),
                unhandled);
    }

    private static List<String> sorted(String allow) {
        List<String> methods = new ArrayList<>(List.of(allow.split(", ")));
        methods.sort(null);
        return methods;
    }
}
