package dev.flaskj.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles every source of the project's {@code src/main/java} in-process with the JDK's compiler, with the options
 * flaskj apps need ({@code -parameters}, so URL variables bind by name) against the project's class path, and
 * writes the classes to {@code target/classes} only when the whole compilation succeeded: a compile error never
 * leaves a half-updated class folder behind. Compiling everything each time means there is no incremental state that
 * a change of options or class path could leave stale (Maven's "Nothing to compile"); class files whose source was
 * deleted are removed. Annotation processors do not run ({@code -proc:none}).
 */
final class SourceCompiler {
    /** One error from the compiler: the file (relative to the project), its line (0 if none) and the message. */
    record Problem(String file, long line, String message) {}

    /** The outcome of one compilation. */
    record Result(boolean ok, List<Problem> problems, int sources, long millis) {}

    private final Path projectDir;
    private final Path sourceDir;
    private final Path resourceDir;
    private final Path outputDir;
    private final List<Path> classPath;
    private final String release;
    private JavaCompiler compiler;
    private StandardJavaFileManager files;

    SourceCompiler(Path projectDir, Path sourceDir, Path resourceDir, Path outputDir, List<Path> classPath,
            String release) {
        this.projectDir = projectDir;
        this.sourceDir = sourceDir;
        this.resourceDir = resourceDir;
        this.outputDir = outputDir;
        Path out = outputDir.toAbsolutePath().normalize();
        // The old classes must not stand in for sources that no longer compile or exist.
        this.classPath = classPath.stream().filter(p -> !p.toAbsolutePath().normalize().equals(out)).toList();
        this.release = release;
    }

    /** The options every compilation uses. */
    List<String> options() {
        return List.of("-parameters", "--release", release, "-encoding", "UTF-8", "-g", "-proc:none", "-nowarn",
                "-classpath", classPath.stream().map(Path::toString).collect(Collectors.joining(
                        java.io.File.pathSeparator)));
    }

    synchronized Result compileAll() throws IOException {
        long start = System.nanoTime();
        List<Path> sources = sources();
        if (compiler == null) {
            compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler == null) {
                return new Result(false, List.of(new Problem("", 0, "No Java compiler in this Java runtime ("
                        + System.getProperty("java.home") + "): run Maven with a JDK, not a JRE.")), 0, 0);
            }
            files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        MemoryOutput output = new MemoryOutput(files);
        StringWriter messages = new StringWriter();
        boolean ok = sources.isEmpty() || compiler.getTask(messages, output, diagnostics, options(), null,
                files.getJavaFileObjectsFromPaths(sources)).call();
        List<Problem> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                problems.add(new Problem(relative(d.getSource()), Math.max(0, d.getLineNumber()),
                        d.getMessage(Locale.ROOT)));
            }
        }
        if (!ok && problems.isEmpty()) {
            problems.add(new Problem("", 0, messages.toString().strip()));
        }
        if (ok) {
            write(output.classes);
        }
        return new Result(ok, List.copyOf(problems), sources.size(), (System.nanoTime() - start) / 1_000_000);
    }

    private List<Path> sources() throws IOException {
        if (!Files.isDirectory(sourceDir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sourceDir)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private String relative(JavaFileObject source) {
        if (source == null) {
            return "";
        }
        try {
            Path p = Path.of(source.toUri());
            return p.startsWith(projectDir) ? projectDir.relativize(p).toString() : p.toString();
        } catch (IllegalArgumentException e) {
            return source.getName();
        }
    }

    /** Writes the new classes, then deletes class files no source produced any more (unless they are resources). */
    private void write(Map<String, ByteArrayOutputStream> classes) throws IOException {
        Set<Path> written = new java.util.HashSet<>();
        for (Map.Entry<String, ByteArrayOutputStream> e : classes.entrySet()) {
            Path target = outputDir.resolve(e.getKey().replace('.', '/') + ".class");
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue().toByteArray());
            written.add(target);
        }
        if (!Files.isDirectory(outputDir)) {
            return;
        }
        List<Path> stale;
        try (Stream<Path> walk = Files.walk(outputDir)) {
            stale = walk.filter(p -> p.toString().endsWith(".class") && !written.contains(p))
                    .filter(p -> !Files.exists(resourceDir.resolve(outputDir.relativize(p).toString()))).toList();
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
        }
    }

    /** Keeps class output in memory until the compilation as a whole has succeeded. */
    private static final class MemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Map<String, ByteArrayOutputStream> classes = new HashMap<>();

        MemoryOutput(StandardJavaFileManager files) {
            super(files);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) throws IOException {
            if (location != StandardLocation.CLASS_OUTPUT || kind != JavaFileObject.Kind.CLASS) {
                return super.getJavaFileForOutput(location, className, kind, sibling);
            }
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    classes.put(className, bytes);
                    return bytes;
                }
            };
        }
    }
}
