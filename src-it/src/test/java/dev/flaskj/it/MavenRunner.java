package dev.flaskj.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Maven the way this build runs: the same installation, local repository and offline setting (failsafe passes
 * them as {@code it.maven.*}), so a nested build finds the flaskj artifacts this build installed.
 */
final class MavenRunner {
    private final Path mvn;
    private final String localRepository;
    private final boolean offline;

    private MavenRunner(Path mvn, String localRepository, boolean offline) {
        this.mvn = mvn;
        this.localRepository = localRepository;
        this.offline = offline;
    }

    static MavenRunner fromBuild() {
        String home = System.getProperty("it.maven.home");
        String repo = System.getProperty("it.maven.repo");
        if (home == null || repo == null) {
            throw new IllegalStateException("it.maven.home / it.maven.repo are not set: run this test through the"
                    + " src-it failsafe execution it-devloop");
        }
        return new MavenRunner(Path.of(home, "bin", "mvn"), repo,
                "offline=true".equals(System.getProperty("it.maven.offline")));
    }

    /** Starts {@code mvn args} in {@code dir}, output (both streams) to {@code log}. */
    Process start(Path dir, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp",
                "-Dmaven.repo.local=" + localRepository));
        if (offline) {
            command.add("-o");
        }
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** Runs {@code mvn args} in {@code dir} to the end; fails with the log's tail unless it succeeds in time. */
    void run(Path dir, Path log, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        Process p = start(dir, log, args);
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("mvn did not finish within " + timeoutSeconds + " s" + tail(log));
            }
        } finally {
            ProcessTrees.stop(p.toHandle());
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("mvn " + String.join(" ", args) + " failed (exit " + p.exitValue() + ")"
                    + tail(log));
        }
    }

    /** The last lines of a log, for failure messages. */
    static String tail(Path log) throws IOException {
        List<String> lines = Files.isRegularFile(log) ? Files.readAllLines(log) : List.of();
        return "; " + log + " ends with:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
                lines.size()));
    }
}
