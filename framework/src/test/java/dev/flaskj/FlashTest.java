package dev.flaskj;

import static dev.flaskj.Flask.flash;
import static dev.flaskj.Flask.getFlashedMessages;
import static dev.flaskj.Flask.getFlashedMessagesWithCategories;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaskj.testing.TestClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Message flashing. */
class FlashTest {
    private static Flask app() {
        Flask app = new Flask("flashing");
        app.config().put("SECRET_KEY", "dev");
        app.addUrlRule("/flash", "flash", args -> {
            flash("plain");
            flash("err!", "error");
            flash("info!", "info");
            return "ok";
        });
        app.addUrlRule("/read", "read", args -> getFlashedMessages().toString());
        app.addUrlRule("/cats", "cats", args -> getFlashedMessagesWithCategories().toString());
        app.addUrlRule("/filter", "filter", args -> getFlashedMessages("error").toString());
        app.addUrlRule("/twice", "twice", args -> {
            List<String> first = getFlashedMessages();
            flash("later");
            return first + " " + getFlashedMessages();
        });
        return app;
    }

    @Test
    void flashesSurviveUntilTheFirstRead() {
        TestClient client = app().testClient();
        client.get("/flash");
        assertEquals("[plain, err!, info!]", client.get("/read").text());
        assertEquals("[]", client.get("/read").text());
    }

    @Test
    void categoriesAreKept() {
        TestClient client = app().testClient();
        client.get("/flash");
        assertEquals("[FlashMessage[category=message, message=plain], FlashMessage[category=error, message=err!],"
                + " FlashMessage[category=info, message=info!]]", client.get("/cats").text());
    }

    @Test
    void filteredOutMessagesAreConsumedToo() {
        TestClient client = app().testClient();
        client.get("/flash");
        assertEquals("[err!]", client.get("/filter").text());
        assertEquals("[]", client.get("/read").text());
    }

    @Test
    void laterReadsInOneRequestReuseTheFirstAndNewFlashesWaitForTheNextRequest() {
        TestClient client = app().testClient();
        client.get("/flash");
        assertEquals("[plain, err!, info!] [plain, err!, info!]", client.get("/twice").text());
        assertEquals("[later]", client.get("/read").text());
    }

    @Test
    void flashesAreStoredAsFlaskStoresThemSoFlaskCanReadThem() {
        TestClient client = app().testClient();
        client.get("/flash");
        // tuples, written as {"_flashes":[{" t":["message","plain"]},...]} as Flask writes them (§8.3 example 3)
        client.sessionTransaction(s -> assertEquals(
                "[(message, plain), (error, err!), (info, info!)]", s.get("_flashes").toString()));
    }

    /**
     * A container session ({@code SESSION_INTERFACE=container}) that the container persists or shares between
     * nodes is Java-serialized: the flashed entries, markup included, must survive that.
     */
    @Test
    void flashedEntriesSurviveJavaSerialization() throws Exception {
        List<Object> flashes = new java.util.ArrayList<>(List.of(Flashes.tuple("message", "plain"),
                Flashes.tuple("error", new Markup("<b>bold</b>"))));
        Object back = serializeRoundTrip(flashes);
        assertEquals(flashes, back);
        List<?> entries = (List<?>) back;
        org.junit.jupiter.api.Assertions.assertInstanceOf(dev.flaskj.json.Tuple.class, entries.get(0),
                "a tuple stays a tuple (tagged JSON writes it as a Python tuple)");
        assertEquals(new Markup("<b>bold</b>"), ((List<?>) entries.get(1)).get(1));
        assertEquals(dev.flaskj.json.Tuple.of(), serializeRoundTrip(dev.flaskj.json.Tuple.of()));
    }

    private static Object serializeRoundTrip(Object o) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
