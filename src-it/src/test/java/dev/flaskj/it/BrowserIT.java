package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The debug page as a person sees it: headless Chromium renders it, with nothing written to the console. */
class BrowserIT {
    @Test
    void debugPageRendersInChromiumWithoutConsoleErrors() throws Exception {
        try (TestServer server = DebugMode.deployExampleWithDebug()) {
            Path png = Path.of("target", "screenshots", "debug-page.png");
            Chromium.Page page = Chromium.load(server.uri(DebugMode.BOOM), png);
            assertTrue(page.dom().contains("<h1>java.lang.IllegalStateException</h1>"), page.dom());
            assertTrue(page.dom().contains(DebugMode.MESSAGE), page.dom());
            assertTrue(page.dom().contains("<span class=\"current\">"), page.dom());
            assertEquals(List.of(), page.console());
        }
    }
}
