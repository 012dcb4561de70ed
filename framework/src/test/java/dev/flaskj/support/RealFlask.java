package dev.flaskj.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs real Flask for differential tests: the interpreter is {@code $FLASKJ_PYTHON}, else the first of
 * {@code python3}, {@code /usr/bin/python3} that can import Flask (a script exits with 97 when it cannot). Tests
 * never skip for want of one: they fail, saying how to install it.
 */
public final class RealFlask {
    private RealFlask() {}

    /** The interpreters to try, in order. */
    public static List<String> interpreters() {
        String configured = System.getenv("FLASKJ_PYTHON");
        if (configured != null && !configured.isBlank()) {
            return List.of(configured);
        }
        return List.of("python3", "/usr/bin/python3");
    }

    /** The failure message when no interpreter could import Flask. */
    public static String noInterpreter(List<String> failures) {
        return "No Python interpreter with Flask found; install it (apt-get install python3-flask) or point "
                + "FLASKJ_PYTHON at a python that can import flask. Tried: " + failures;
    }

    /**
     * Starts {@code script}, a server that prints {@code PORT <n>} once it listens on 127.0.0.1 and stops when its
     * stdin closes; close the result to stop it.
     */
    public static Server serve(Path script) throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        for (String python : interpreters()) {
            Process process;
            try {
                process = new ProcessBuilder(python, script.toString()).start();
            } catch (IOException e) {
                failures.add(python + ": " + e.getMessage());
                continue;
            }
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first;
            try {
                first = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException(python + " did not report its port within 30 s", e);
            }
            if (first == null || !first.startsWith("PORT ")) {
                process.waitFor(10, TimeUnit.SECONDS);
                String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (process.isAlive()) {
                    process.destroyForcibly();
                } else if (process.exitValue() == 97) {
                    failures.add(python + ": " + err);
                    continue;
                }
                throw new IllegalStateException(python + " " + script.getFileName() + " failed: " + first + " " + err);
            }
            return new Server(process, URI.create("http://127.0.0.1:" + first.substring(5).trim() + "/"));
        }
        throw new IllegalStateException(noInterpreter(failures));
    }

    /** A running Flask server. */
    public static final class Server implements AutoCloseable {
        private final Process process;
        private final URI baseUri;

        Server(Process process, URI baseUri) {
            this.process = process;
            this.baseUri = baseUri;
        }

        /** {@code http://127.0.0.1:<port>/}. */
        public URI baseUri() {
            return baseUri;
        }

        /** Closes the server's stdin, which stops it; kills it when it has not stopped in 10 s. */
        @Override
        public void close() throws IOException, InterruptedException {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
