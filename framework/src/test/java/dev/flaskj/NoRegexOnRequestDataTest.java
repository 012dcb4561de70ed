package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture rule: nothing a client sends is matched by {@code java.util.regex}. A backtracking engine costs a
 * stack frame per repetition of a group (a few kilobytes overflow the stack) and lazy or nested quantifiers cost
 * quadratic time or worse; flaskj's parsers are single-pass scanners instead. The rule is checked on the source
 * text: any regex API in a main source file fails this test unless the file is listed below with the reason why
 * its input is not request data.
 */
class NoRegexOnRequestDataTest {
    /** Folders and files (relative to the main source root) whose regular expressions never see request data. */
    private static final List<String> ALLOWED_FOLDERS = List.of(
            // URL rules are compiled from the app's own rule strings; matching a request path against them is
            // Werkzeug's design. Built-in converters are single character-class repetitions, which
            // java.util.regex runs iteratively; a custom converter's regex is the app's choice.
            "dev/flaskj/routing/",
            // The test client runs in the tests, not in the server.
            "dev/flaskj/testing/",
            // Splits environment variable names (FLASK_A__B) at "__": configuration, not requests.
            "dev/flaskj/Config.java");

    // The regex entry points of the JDK: the package, String.matches/replaceAll/replaceFirst, and split with
    // anything but one literal character (String.split has a fast path for those that runs no regex).
    private static final Pattern REGEX_USE = Pattern.compile(
            "java\\.util\\.regex|\\.matches\\(|\\.replaceAll\\(|\\.replaceFirst\\(|\\.split\\(\"(?![^.$|()\\[{^?*+\\\\]\")");

    @Test
    void noMainSourceAppliesARegexOutsideTheAllowedFolders() throws IOException {
        Path root = Path.of("src/main/java");
        assertTrue(Files.isDirectory(root), "run from the framework module: " + root.toAbsolutePath());
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (ALLOWED_FOLDERS.stream().anyMatch(rel::startsWith)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue; // Javadoc and comments may name the API
                    }
                    Matcher m = REGEX_USE.matcher(line);
                    if (m.find()) {
                        violations.add(rel + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "regular expressions on possible request data");
    }

    @Test
    void theRuleRecognisesEachRegexEntryPoint() {
        // The detector itself: each form is caught, a one-character split is not.
        for (String use : List.of("import java.util.regex.Pattern;", "s.matches(\"a+\")", "s.replaceAll(\"x\", \"\")",
                "s.replaceFirst(\"x\", \"\")", "s.split(\"\\\\s+\")", "s.split(\", \")", "s.split(\".\")")) {
            assertTrue(REGEX_USE.matcher(use).find(), use);
        }
        for (String plain : List.of("s.split(\",\")", "s.split(\";\", -1)", "s.replace(\"a\", \"b\")")) {
            assertTrue(!REGEX_USE.matcher(plain).find(), plain);
        }
    }
}
