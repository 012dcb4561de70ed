package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** View decorators: {@code @Decorate}, meta-annotations, {@code RuleOptions.decorators}, order, startup errors. */
class ViewDecoratorTest {

    /** Flask tutorial's login_required, keyed on a header so the test needs no session. */
    static final class LoginRequiredDecorator implements ViewDecorator {
        private LoginRequiredDecorator() {}

        @Override
        public View decorate(View view) {
            return args -> Flask.request().headers().get("X-User", null) == null
                    ? Flask.redirect(Flask.urlFor("login")) : view.handle(args);
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Decorate(LoginRequiredDecorator.class)
    @interface LoginRequired {}

    /** Adds its name to the X-Trace header on the way out and to X-Seen on the way in. */
    abstract static class Tracing implements ViewDecorator {
        abstract String name();

        @Override
        public View decorate(View view) {
            return args -> {
                String seen = Flask.g().get("seen", "");
                Flask.g().put("seen", seen + name());
                Response r = Flask.makeResponse(view.handle(args));
                String trace = r.headers().get("X-Trace", null);
                r.headers().set("X-Trace", trace == null ? name() : trace + "," + name());
                return r;
            };
        }
    }

    static final class A extends Tracing {
        @Override
        String name() {
            return "A";
        }
    }

    static final class B extends Tracing {
        @Override
        String name() {
            return "B";
        }
    }

    static final class C extends Tracing {
        @Override
        String name() {
            return "C";
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @Decorate(B.class)
    @Decorate(C.class)
    @interface BThenC {}

    /** A meta-annotation carrying another one. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @LoginRequired
    @Decorate(A.class)
    @interface MemberTraced {}

    /** Counts its instances and lets only even ids through, reading the converted view argument. */
    static final class EvenOnly implements ViewDecorator {
        static final AtomicInteger CREATED = new AtomicInteger();

        EvenOnly() {
            CREATED.incrementAndGet();
        }

        @Override
        public View decorate(View view) {
            return args -> {
                Integer id = args.get("id"); // converted by the rule's int converter
                if (id % 2 != 0) {
                    throw Flask.abort(403);
                }
                return view.handle(args);
            };
        }
    }

    public static class App extends Flask {
        @Route("/login")
        String login() {
            return "login page";
        }

        @Route("/secret")
        @Decorate(LoginRequiredDecorator.class)
        String secret() {
            return "secret for " + request().headers().get("X-User", null);
        }

        @Get("/members")
        @LoginRequired
        String members() {
            return "members at " + urlFor("members") + " endpoint " + request().endpoint();
        }

        @Route("/ab")
        @Decorate(A.class)
        @Decorate(B.class)
        String ab() {
            return "ab seen " + g().get("seen", "");
        }

        @Route("/ba")
        @Decorate(B.class)
        @Decorate(A.class)
        String ba() {
            return "ba seen " + g().get("seen", "");
        }

        @Route("/meta-order")
        @BThenC
        @Decorate(A.class)
        String metaOrder() {
            return "seen " + g().get("seen", "");
        }

        @Route("/nested-meta")
        @MemberTraced
        String nestedMeta() {
            return "nested seen " + g().get("seen", "");
        }

        @Route("/even/<int:id>")
        @Route("/even/<int:id>/again")
        @Decorate(EvenOnly.class)
        String even(int id) {
            return "even " + id;
        }
    }

    @Test
    void aDecoratorMayShortCircuitWithARedirect() {
        TestClient c = new App().testClient();
        TestResponse anonymous = c.get("/secret");
        assertEquals(302, anonymous.status());
        assertEquals("/login", anonymous.location());
        assertEquals("secret for ann", c.get("/secret", r -> r.header("X-User", "ann")).text());
    }

    @Test
    void aUsersOwnAnnotationCarryingDecorateWorksAndTheViewKeepsItsEndpoint() {
        TestClient c = new App().testClient();
        assertEquals(302, c.get("/members").status());
        assertEquals("members at /members endpoint members", c.get("/members", r -> r.header("X-User", "x")).text());
    }

    @Test
    void theFirstListedIsOutermost() {
        TestClient c = new App().testClient();
        TestResponse ab = c.get("/ab");
        assertEquals("ab seen AB", ab.text()); // A runs first...
        assertEquals("B,A", ab.header("X-Trace")); // ...and sees the response last
        TestResponse ba = c.get("/ba");
        assertEquals("ba seen BA", ba.text());
        assertEquals("A,B", ba.header("X-Trace"));
    }

    @Test
    void metaAnnotationsStandWhereTheyAreWrittenInTheirOwnOrder() {
        TestClient c = new App().testClient();
        assertEquals("seen BCA", c.get("/meta-order").text());
        TestResponse nested = c.get("/nested-meta", r -> r.header("X-User", "x"));
        assertEquals("nested seen A", nested.text());
        assertEquals(302, c.get("/nested-meta").status()); // LoginRequired, outer to A, came through @MemberTraced
    }

    @Test
    void aDecoratorSeesTheConvertedViewArgsMayAbortAndIsCreatedOncePerViewAtStartup() {
        int before = EvenOnly.CREATED.get();
        TestClient c = new App().testClient();
        assertEquals(before + 1, EvenOnly.CREATED.get()); // one view with two rules: one instance
        assertEquals("even 4", c.get("/even/4").text());
        assertEquals("even 6", c.get("/even/6/again").text());
        assertEquals(403, c.get("/even/5").status());
        assertEquals(403, c.get("/even/5/again").status());
        assertEquals(before + 1, EvenOnly.CREATED.get());
    }

    @Test
    void ruleOptionsDecoratorsTakeLambdasFirstOutermostOnAppsAndBlueprints() {
        ViewDecorator x = view -> args -> "x(" + view.handle(args) + ")";
        ViewDecorator y = view -> args -> "y(" + view.handle(args) + ")";
        Flask app = new Flask();
        app.addUrlRule("/p/<int:n>", "p", args -> "n=" + args.<Integer>get("n"),
                RuleOptions.methods("GET", "POST").decorators(x, y));
        Blueprint bp = new Blueprint("bp", "/bp") {};
        bp.addUrlRule("/q", "q", args -> "q at " + Flask.urlFor("bp.q"), RuleOptions.defaultOptions().decorators(y));
        app.registerBlueprint(bp);
        TestClient c = app.testClient();
        assertEquals("x(y(n=7))", c.get("/p/7").text());
        assertEquals("x(y(n=7))", c.post("/p/7").text());
        assertEquals("y(q at /bp/q)", c.get("/bp/q").text());
    }

    // --- startup errors

    static final class NeedsArgument implements ViewDecorator {
        NeedsArgument(String role) {}

        @Override
        public View decorate(View view) {
            return view;
        }
    }

    class Inner implements ViewDecorator {
        @Override
        public View decorate(View view) {
            return view;
        }
    }

    static final class ReturnsNull implements ViewDecorator {
        @Override
        public View decorate(View view) {
            return null;
        }
    }

    public static class NoArgless extends Flask {
        @Route("/x")
        @Decorate(NeedsArgument.class)
        String x() {
            return "x";
        }
    }

    public static class InnerDecorated extends Flask {
        @Route("/x")
        @Decorate(Inner.class)
        String x() {
            return "x";
        }
    }

    public static class AbstractDecorated extends Flask {
        @Route("/x")
        @Decorate(Tracing.class)
        String x() {
            return "x";
        }
    }

    public static class NullDecorated extends Flask {
        @Route("/x")
        @Decorate(ReturnsNull.class)
        String x() {
            return "x";
        }
    }

    public static class NotAView extends Flask {
        @LoginRequired
        String helper() {
            return "x";
        }
    }

    @Test
    void aDecoratorWithoutANoArgumentConstructorFailsStartupNamingItTheViewAndTheFix() {
        String m = assertThrows(IllegalArgumentException.class, NoArgless::new).getMessage();
        assertTrue(m.startsWith(NoArgless.class.getName() + ".x(): decorator " + NeedsArgument.class.getName()), m);
        assertTrue(m.contains("has no no-argument constructor; add one"), m);
    }

    @Test
    void otherUnusableDecoratorsFailStartupToo() {
        String inner = assertThrows(IllegalArgumentException.class, InnerDecorated::new).getMessage();
        assertTrue(inner.contains(Inner.class.getName() + " is an inner class") && inner.contains("declare it static"),
                inner);
        String abstr = assertThrows(IllegalArgumentException.class, AbstractDecorated::new).getMessage();
        assertTrue(abstr.contains(Tracing.class.getName() + " is abstract"), abstr);
        String nul = assertThrows(IllegalArgumentException.class, NullDecorated::new).getMessage();
        assertTrue(nul.contains(NullDecorated.class.getName() + ".x()") && nul.contains("returned null"), nul);
        String notView = assertThrows(IllegalArgumentException.class, NotAView::new).getMessage();
        assertTrue(notView.startsWith(NotAView.class.getName() + ".helper(): has @Decorate")
                && notView.contains("add @Route"), notView);
    }
}
