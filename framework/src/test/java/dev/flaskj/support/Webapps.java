package dev.flaskj.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Webapp folders for tests that deploy into an embedded container: a {@code web.xml} mapping FlaskFilter. */
public final class Webapps {
    private Webapps() {}

    /**
     * Writes {@code dir/WEB-INF/web.xml} with FlaskFilter on {@code /*} for {@code app}, the given context-params
     * (config keys) and, when not blank, {@code extra} elements inside {@code <web-app>}. Returns {@code dir}.
     */
    public static Path flaskFilter(Path dir, Class<?> app, Map<String, String> contextParams, String extra)
            throws IOException {
        Files.createDirectories(dir.resolve("WEB-INF"));
        String params = contextParams.entrySet().stream()
                .map(e -> "  <context-param><param-name>" + e.getKey() + "</param-name><param-value>" + e.getValue()
                        + "</param-value></context-param>\n")
                .collect(Collectors.joining());
        Files.writeString(dir.resolve("WEB-INF/web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                %s  <filter>
                    <filter-name>flask</filter-name>
                    <filter-class>dev.flaskj.FlaskFilter</filter-class>
                    <init-param><param-name>app</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>flask</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                %s</web-app>
                """.formatted(params, app.getName(), extra.isBlank() ? "" : "  " + extra.strip() + "\n"));
        return dir;
    }

    /** {@link #flaskFilter(Path, Class, Map, String)} without context-params or extra elements. */
    public static Path flaskFilter(Path dir, Class<?> app) throws IOException {
        return flaskFilter(dir, app, Map.of(), "");
    }
}
