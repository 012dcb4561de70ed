package dev.flaskj.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Deploys a copy of the example WAR with debug mode switched on in its web.xml (context-param flask.debug). */
final class DebugMode {
    /** The example's view that throws (com.example.DebugDemo). */
    static final String BOOM = Containers.CONTEXT_PATH + "/debug/boom";
    /** Its message, shown by the debug page and never by the production 500 page. */
    static final String MESSAGE = "Boom! This view fails on purpose to show the debug page.";

    private DebugMode() {}

    static TestServer deployExampleWithDebug() throws Exception {
        Path dir = Containers.explode(Containers.exampleWar(), "debug");
        Path webXml = dir.resolve("WEB-INF/web.xml");
        String xml = Files.readString(webXml);
        int filter = xml.indexOf("<filter>");
        if (filter < 0) {
            throw new IOException("no <filter> in the example's web.xml");
        }
        Files.writeString(webXml, xml.substring(0, filter) + "<context-param><param-name>flask.debug</param-name>"
                + "<param-value>true</param-value></context-param>\n  " + xml.substring(filter));
        return Containers.deploy(dir, "debug");
    }
}
