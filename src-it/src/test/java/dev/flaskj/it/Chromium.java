package dev.flaskj.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium from Debian's {@code chromium} package: loads a page as a person's browser would and reports
 * the rendered DOM and every message the page wrote to the browser console, and takes a screenshot.
 */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;

    /** What a page load gave: the DOM after rendering, and the page's console lines (errors, warnings, logs). */
    record Page(String dom, List<String> console) {}

    private Chromium() {}

    /** Loads {@code uri}, returns its DOM and console lines, and saves a 1280x900 screenshot to {@code png}. */
    static Page load(URI uri, Path png) throws IOException, InterruptedException {
        requireInstalled();
        Path work = Files.createDirectories(Path.of("target", "chromium")).toAbsolutePath();
        Path out = Files.createTempFile(work, "dom", ".html");
        Path err = Files.createTempFile(work, "log", ".txt");
        run(work, List.of("--enable-logging=stderr", "--v=0", "--dump-dom", uri.toString()), out, err);
        List<String> console = new ArrayList<>();
        for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
            if (line.contains(":CONSOLE") || line.contains("Uncaught")) {
                console.add(line);
            }
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(work, List.of("--window-size=1280,900", "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(),
                uri.toString()), Files.createTempFile(work, "shot", ".txt"), err);
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IllegalStateException("Chromium wrote no screenshot to " + png + "; see " + err);
        }
        return new Page(Files.readString(out, StandardCharsets.UTF_8), console);
    }

    /** A missing browser fails the test with the fix: scripts/test.sh installs it on Debian. */
    static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: the browser checks need Debian's chromium package"
                    + " (apt-get install chromium; scripts/test.sh installs it when run as root)");
        }
    }

    private static void run(Path work, List<String> args, Path out, Path err) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(work, "profile")));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile())).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Chromium did not finish within " + TIMEOUT_SECONDS + " s: "
                        + command);
            }
        } finally {
            ProcessTrees.stop(p.toHandle());
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("Chromium exited with " + p.exitValue() + "; see " + err);
        }
    }
}
