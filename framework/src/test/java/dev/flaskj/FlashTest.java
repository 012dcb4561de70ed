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
}
