package dev.flaskj.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A container in its own JVM (e.g. with {@code -Xmx64m}), running {@link ForkedServer#main} with this test run's
 * class path; stopped by killing the process.
 */
final class ForkedServer implements TestServer {
    private final Process process;
    private final int port;

    private ForkedServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ForkedServer start(Path webapp, List<String> jvmOptions) throws Exception {
        return start(Path.of(System.getProperty("java.home"), "bin", "java"), jvmOptions, ForkedServer.class,
                List.of(webapp.toString()));
    }

    /**
     * Runs {@code mainClass} with {@code javaLauncher}, this run's class path, and {@code args} followed by the file it must
     * write its port to.
     */
    static ForkedServer start(Path javaLauncher, List<String> jvmOptions, Class<?> mainClass, List<String> args)
            throws Exception {
        Path work = Containers.workDir("forked");
        Path portFile = work.resolve("port");
        List<String> cmd = new ArrayList<>();
        cmd.add(javaLauncher.toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dit.container=" + Containers.kind(),
                mainClass.getName()));
        cmd.addAll(args);
        cmd.add(portFile.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.exists(portFile) || Files.readString(portFile).isBlank()) {
            if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                p.destroyForcibly();
                throw new IllegalStateException("forked server did not start; see " + work.resolve("server.log")
                        + ":\n" + Files.readString(work.resolve("server.log")));
            }
            p.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return new ForkedServer(p, Integer.parseInt(Files.readString(portFile).trim()));
    }

    /** Entry point of the forked JVM: deploys {@code args[0]} and writes the port to {@code args[1]}. */
    public static void main(String[] args) throws Exception {
        TestServer server = Containers.deploy(Path.of(args[0]), "forked-app");
        Path tmp = Path.of(args[1] + ".tmp");
        Files.writeString(tmp, String.valueOf(server.base().getPort()));
        Files.move(tmp, Path.of(args[1]), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join(); // until the test kills the process
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public String name() {
        return "forked " + Containers.kind();
    }

    /** The server JVM's process id (it is stopped by this id, see {@link #close}). */
    long pid() {
        return process.pid();
    }

    /** Whether the server JVM is still running (it must survive what the test sends it). */
    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
