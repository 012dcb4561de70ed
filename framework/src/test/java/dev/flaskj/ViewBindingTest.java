package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.HttpException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Annotated views: binding by parameter name, type conversion, startup checks, source order. */
class ViewBindingTest {
    static final List<String> TRACE = new ArrayList<>();

    public static class Quickstart extends Flask {
        @Route("/")
        String index() {
            return "Index";
        }

        @Route("/post/<int:postId>")
        String showPost(int postId) {
            return "Post " + postId;
        }

        @Route("/big/<int:n>")
        String big(BigInteger n) {
            return n.add(BigInteger.ONE).toString();
        }

        @Route("/price/<float:amount>")
        String price(double amount) {
            return "Price " + amount;
        }

        @Route("/item/<uuid:id>")
        String item(UUID id) {
            return id.toString();
        }

        @Route(value = "/users/", defaults = "page=1")
        @Route("/users/page/<int:page>")
        String users(int page) {
            return "page " + page;
        }

        @Route(value = "/login", methods = {"GET", "POST"})
        String login() {
            return request().method();
        }

        @BeforeRequest
        Object beforeA() {
            TRACE.add("a");
            return null;
        }

        @BeforeRequest
        Object beforeC() {
            TRACE.add("c");
            return null;
        }

        @BeforeRequest
        Object beforeB() {
            TRACE.add("b");
            return null;
        }

        @ErrorHandler(404)
        Object notFound(HttpException e) {
            return makeResponse("custom " + e.code(), 404);
        }

        @ErrorHandler(exception = ArithmeticException.class)
        Object arithmetic(ArithmeticException e) {
            return makeResponse("math: " + e.getMessage(), 400);
        }

        @Route("/divide/<int:n>")
        String divide(int n) {
            return String.valueOf(10 / n);
        }
    }

    @Test
    void variablesBindByNameAndConvert() {
        var client = new Quickstart().testClient();
        assertEquals("Post 42", client.get("/post/42").text());
        assertEquals("1000000000000000000000000000000", client.get("/big/999999999999999999999999999999").text());
        assertEquals("Price 1.5", client.get("/price/1.5").text());
        assertEquals("a8098c1a-f86e-11da-bd1a-00112444be1e",
                client.get("/item/A8098C1A-F86E-11DA-BD1A-00112444BE1E").text());
        assertEquals("page 1", client.get("/users/").text());
        assertEquals("page 3", client.get("/users/page/3").text());
        assertEquals("POST", client.post("/login", java.util.Map.of()).text());
        assertEquals(404, client.get("/post/99999999999999999999").status(), "too big for an int parameter");
    }

    @Test
    void annotatedHooksRunInSourceOrder() {
        TRACE.clear();
        new Quickstart().testClient().get("/");
        assertEquals(List.of("a", "c", "b"), TRACE);
    }

    @Test
    void annotatedErrorHandlersByCodeAndByClass() {
        var client = new Quickstart().testClient();
        assertEquals("custom 404", client.get("/nope").text());
        assertEquals("math: / by zero", client.get("/divide/0").text());
        assertEquals(400, client.get("/divide/0").status());
    }

    public static class MissingParameter extends Flask {
        @Route("/user/<username>")
        String profile() {
            return "x";
        }
    }

    public static class ExtraParameter extends Flask {
        @Route("/user")
        String profile(String username) {
            return "x";
        }
    }

    public static class WrongType extends Flask {
        @Route("/post/<postId>")
        String post(int postId) {
            return "x";
        }
    }

    public static class BadRule extends Flask {
        @Route("user")
        String user() {
            return "x";
        }
    }

    @Test
    void mismatchesBetweenRuleAndSignatureFailAtStartupNamingTheMethod() {
        // A variable without a parameter is checked when the app freezes (first request, or the filter's init):
        // until then a URL value preprocessor that removes it may still be registered.
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new MissingParameter().testClient().get("/"));
        assertTrue(missing.getMessage().contains("MissingParameter.profile()")
                && missing.getMessage().contains("has variable 'username' but the method has no parameter named"
                        + " 'username'"), missing.getMessage());
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class, ExtraParameter::new);
        assertTrue(extra.getMessage().contains("parameter 'username' is not a variable (or default) of rule"
                + " '/user'"), extra.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, WrongType::new);
        assertTrue(type.getMessage().contains("WrongType.post(int)") && type.getMessage().contains("'postId'"),
                type.getMessage());
        IllegalArgumentException rule = assertThrows(IllegalArgumentException.class, BadRule::new);
        assertTrue(rule.getMessage().contains("must start with a slash"), rule.getMessage());
    }
}
