package dev.flaskj.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.flaskj.Flask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@link ContextLeakCheck}: Flask's leak_detector fixture as a JUnit 5 extension. */
class ContextLeakCheckTest {
    private static ExtensionContext testNamed(String name) {
        ExtensionContext ctx = mock(ExtensionContext.class);
        when(ctx.getDisplayName()).thenReturn(name);
        return ctx;
    }

    @Test
    void aTestThatClosesItsContextsPasses() {
        Flask app = new Flask("clean");
        app.testRequestContext("/x").close();
        assertDoesNotThrow(() -> new ContextLeakCheck().afterEach(testNamed("clean()")));
    }

    @Test
    void aLeftRequestContextFailsTheTestNamingItAndIsCleared() {
        Flask app = new Flask("leaky");
        app.testRequestContext("/left");
        AssertionError e = assertThrows(AssertionError.class,
                () -> new ContextLeakCheck().afterEach(testNamed("leaky()")));
        assertTrue(e.getMessage().startsWith("Test leaky() left a request context (<Request 'http://localhost/left'"
                + " [GET]>) and an app context (of app leaky) pushed"), e.getMessage());
        assertFalse(Flask.hasRequestContext(), "cleared, so the next test starts clean");
        assertFalse(Flask.hasAppContext());
    }

    @Test
    void aLeftAppContextFailsTheTest() {
        new Flask("app-only").appContext();
        AssertionError e = assertThrows(AssertionError.class,
                () -> new ContextLeakCheck().afterEach(testNamed("t()")));
        assertTrue(e.getMessage().contains("left an app context (of app app-only) pushed"), e.getMessage());
    }

    @Test
    void anOpenKeepContextIsALeak() {
        Flask app = new Flask("kept");
        app.addUrlRule("/", "i", a -> "x");
        TestClient client = app.testClient();
        client.keepContext();
        client.get("/");
        assertThrows(AssertionError.class, () -> new ContextLeakCheck().afterEach(testNamed("t()")));
    }
}
