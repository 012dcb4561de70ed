package dev.flaskj;

import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Java source of a stack frame for the debug page. A WAR normally holds no sources, so it looks, in
 * order: in the folders of config {@code SOURCE_PATH} or context-param {@code flask.source-path} (separated like
 * a class path), in the webapp's {@code /WEB-INF/flaskj-sources/} (never served), and beside the class's code
 * source the way Maven lays a project out ({@code target/classes} → {@code src/main/java}), which is what
 * {@code mvn jetty:run} runs. Only {@code .java} files named by a frame are read. One instance per page.
 */
final class SourceLocator {
    /** Where a WAR may carry its sources (the example WAR does). */
    static final String WAR_FOLDER = "/WEB-INF/flaskj-sources/";

    private final Object sourcePath;
    private final ServletContext servletContext;
    private final ClassLoader loader;
    private final Map<String, Optional<List<String>>> cache = new HashMap<>();

    SourceLocator(Flask app) {
        this(app.config().get("SOURCE_PATH"), app.servletContext(), app.getClass().getClassLoader());
    }

    /**
     * A locator without an app, for the page of an app that did not start: {@code sourcePath} is config
     * {@code SOURCE_PATH} (or null), {@code loader} the class loader the app's classes come from.
     */
    SourceLocator(Object sourcePath, ServletContext servletContext, ClassLoader loader) {
        this.sourcePath = sourcePath;
        this.servletContext = servletContext;
        this.loader = loader;
    }

    /** The lines of the frame's source file, or empty when it cannot be found. */
    Optional<List<String>> lines(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file == null || !file.endsWith(".java") || file.contains("/") || file.contains("\\")) {
            return Optional.empty();
        }
        String className = frame.getClassName();
        int dot = className.lastIndexOf('.');
        String relative = (dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/") + file;
        return cache.computeIfAbsent(relative, r -> find(r, className));
    }

    private Optional<List<String>> find(String relative, String className) {
        for (Path root : configuredRoots()) {
            Optional<List<String>> found = read(root.resolve(relative));
            if (found.isPresent()) {
                return found;
            }
        }
        Optional<List<String>> inWar = fromServletContext(relative);
        if (inWar.isPresent()) {
            return inWar;
        }
        for (Path root : besideClasses(className)) {
            Optional<List<String>> found = read(root.resolve(relative));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private List<Path> configuredRoots() {
        List<Path> roots = new ArrayList<>();
        Object fromConfig = sourcePath;
        ServletContext sc = servletContext;
        String fromContext = sc == null ? null : sc.getInitParameter("flask.source-path");
        for (Object value : new Object[] {fromConfig, fromContext}) {
            if (value != null) {
                for (String part : value.toString().split(File.pathSeparator)) {
                    if (!part.isBlank()) {
                        roots.add(Path.of(part.trim()));
                    }
                }
            }
        }
        return roots;
    }

    private Optional<List<String>> fromServletContext(String relative) {
        ServletContext sc = servletContext;
        if (sc == null) {
            return Optional.empty();
        }
        try (InputStream in = sc.getResourceAsStream(WAR_FOLDER + relative)) {
            return in == null ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code <project>/target/classes} → {@code <project>/src/main/java}, and the same for test classes. */
    private List<Path> besideClasses(String className) {
        Path classes = codeSourceFolder(className);
        if (classes == null) {
            return List.of();
        }
        List<Path> roots = new ArrayList<>(List.of(classes));
        Path project = classes.getParent() == null ? null : classes.getParent().getParent();
        if (project != null) {
            roots.add(project.resolve("src/main/java"));
            roots.add(project.resolve("src/test/java"));
        }
        return roots;
    }

    private Path codeSourceFolder(String className) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            CodeSource cs = type.getProtectionDomain().getCodeSource();
            URL location = cs == null ? null : cs.getLocation();
            if (location == null || !"file".equals(location.getProtocol())) {
                return null;
            }
            Path path = Path.of(location.toURI());
            return Files.isDirectory(path) ? path : null;
        } catch (ClassNotFoundException | LinkageError | SecurityException | URISyntaxException
                | IllegalArgumentException e) {
            return null; // no source then: the frame is still shown
        }
    }

    private static Optional<List<String>> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
