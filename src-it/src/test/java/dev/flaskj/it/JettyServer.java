package dev.flaskj.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12 (ee10) serving one WAR or exploded folder. */
final class JettyServer implements TestServer {
    private final Server server;
    private final int port;

    private JettyServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    static JettyServer start(Path war, String contextPath, Path workDir) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(contextPath);
        webapp.setWar(war.toAbsolutePath().toString());
        Files.createDirectories(workDir);
        webapp.setTempDirectory(workDir.toFile());
        webapp.setThrowUnavailableOnStartupException(true); // else a broken app silently answers 503
        webapp.getProtectedClassMatcher().add("org.slf4j.");
        server.setHandler(webapp);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw new DeploymentFailedException("Jetty could not start " + contextPath, e);
        }
        return new JettyServer(server, connector.getLocalPort());
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public String name() {
        return "Jetty " + Server.getVersion();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
