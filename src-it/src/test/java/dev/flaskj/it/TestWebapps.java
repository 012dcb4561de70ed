package dev.flaskj.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds small exploded web applications for container tests: the example WAR's {@code WEB-INF/lib} (flaskj and
 * its dependencies as users ship them) plus one test app class from {@code dev.flaskj.it.apps}, installed by a
 * generated {@code web.xml} with the given context-params.
 */
final class TestWebapps {
    private TestWebapps() {}

    static Path build(Class<?> appClass, Map<String, String> contextParams) throws IOException {
        return build(appClass, contextParams, Map.of());
    }

    /** As {@link #build(Class, Map)}, plus {@code files} (relative path → text) written into the webapp. */
    static Path build(Class<?> appClass, Map<String, String> contextParams, Map<String, String> files)
            throws IOException {
        return build(appClass, contextParams, files, "");
    }

    /**
     * As {@link #build(Class, Map, Map)}, with {@code webXml} (filters, their mappings, security constraints) put
     * into {@code web.xml} before flaskj's filter, so that its filter mappings run first.
     */
    static Path build(Class<?> appClass, Map<String, String> contextParams, Map<String, String> files, String webXml)
            throws IOException {
        Path dir = Containers.explode(Containers.exampleWar(), appClass.getSimpleName());
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue());
        }
        Path classes = dir.resolve("WEB-INF/classes");
        deleteTree(classes);
        Path appsPackage = classes.resolve("dev/flaskj/it/apps");
        Files.createDirectories(appsPackage);
        Path compiled = testClasses().resolve("dev/flaskj/it/apps");
        try (Stream<Path> classFiles = Files.list(compiled)) {
            for (Path f : (Iterable<Path>) classFiles::iterator) {
                Files.copy(f, appsPackage.resolve(f.getFileName()));
            }
        }
        StringBuilder params = new StringBuilder();
        contextParams.forEach((k, v) -> params.append("  <context-param><param-name>").append(k)
                .append("</param-name><param-value>").append(v).append("</param-value></context-param>\n"));
        Files.writeString(dir.resolve("WEB-INF/web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                %s%s  <filter>
                    <filter-name>flask</filter-name>
                    <filter-class>dev.flaskj.FlaskFilter</filter-class>
                    <async-supported>true</async-supported>
                    <init-param><param-name>app</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>flask</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                </web-app>
                """.formatted(params, webXml, appClass.getName()));
        return dir;
    }

    private static Path testClasses() {
        try {
            return Path.of(TestWebapps.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
