package dev.flaskj.it;

import java.net.URI;

/** A container running one web application on a loopback port. */
interface TestServer extends AutoCloseable {
    /** {@code http://127.0.0.1:<port>} (no context path). */
    URI base();

    /** The URL of {@code path} below the server root, e.g. {@code /myapplication/static/style.css}. */
    default URI uri(String path) {
        return base().resolve(path);
    }

    /** A short name for messages: {@code Tomcat 11.0.27}, {@code Jetty 12.1.14}. */
    String name();

    /** Stops the container; failures to stop are unchecked (a test has nothing better to do with them). */
    @Override
    void close();
}
