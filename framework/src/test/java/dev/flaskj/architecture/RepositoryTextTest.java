package dev.flaskj.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks over the repository's own text files (sources, poms, scripts, README): everything a user reads is in the
 * repository, and the application templates use flaskj's API only.
 */
class RepositoryTextTest {
    // Built from pieces so that this file does not match itself.
    private static final List<String> OUTSIDE_REFERENCES = List.of("flask-behaviour" + ".md", ".." + "/shared");
    private static final String INTERNAL_PACKAGE = "dev.flaskj." + "internal";
    private static final Pattern INTERNAL_IMPORT =
            Pattern.compile("^\\s*import\\s+(static\\s+)?" + Pattern.quote(INTERNAL_PACKAGE) + "\\.", Pattern.MULTILINE);
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", ".idea");

    /** The repository root: the parent of this module's directory (surefire runs in the module directory). */
    private static Path repositoryRoot() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        Path root = module.getParent();
        assertTrue(Files.isRegularFile(root.resolve("pom.xml"))
                && Files.readString(root.resolve("pom.xml")).contains("<artifactId>flaskj-parent</artifactId>"),
                "expected the flaskj parent pom above " + module);
        return root;
    }

    @Test
    void nothingPointsAtFilesOutsideTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<String> hits = new ArrayList<>();
        for (Path file : textFiles(root)) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (String needle : OUTSIDE_REFERENCES) {
                    if (lines.get(i).contains(needle)) {
                        hits.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), hits, "state the behaviour itself, or cite Flask's or Werkzeug's documentation");
    }

    @Test
    void exampleAndArchetypeDoNotUseTheInternalPackage() throws IOException {
        Path root = repositoryRoot();
        List<String> hits = new ArrayList<>();
        for (String dir : List.of("example-war/src", "example-jinja/src", "archetype/src")) {
            for (Path file : textFiles(root.resolve(dir))) {
                if (INTERNAL_IMPORT.matcher(String.join("\n", lines(file))).find()) {
                    hits.add(root.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), hits, INTERNAL_PACKAGE + " is not API: applications must not import it");
    }

    private static List<Path> textFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !skipped(dir, p)).filter(Files::isRegularFile).forEach(out::add);
        }
        return out;
    }

    private static boolean skipped(Path base, Path p) {
        for (Path part : base.relativize(p)) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    /** The file's lines, or none for a file that is not UTF-8 text (images, jars). */
    private static List<String> lines(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > 2_000_000) {
                return List.of();
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.lines().toList();
        } catch (CharacterCodingException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
