package com.example;

import java.nio.file.Path;

/** Builds the example app as the container would, for the test client: templates from the webapp folder. */
public final class ExampleApps {
    private ExampleApps() {}

    /** A fresh app whose instance folder (database, uploads) is {@code dataDir}, served under {@code /myapplication}. */
    public static Hello create(Path dataDir) {
        Hello app = new Hello();
        app.config().put("TESTING", true);
        app.config().put("SECRET_KEY", "test");
        app.config().put("TEMPLATE_FOLDER", Path.of("src/main/webapp/templates").toAbsolutePath().toString());
        app.config().put("INSTANCE_PATH", dataDir.toString());
        return app;
    }
}
