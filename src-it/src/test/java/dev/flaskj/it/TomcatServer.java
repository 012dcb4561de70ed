package dev.flaskj.it;

import dev.flaskj.testing.EmbeddedTomcat;
import java.net.URI;
import java.nio.file.Path;

/**
 * Embedded Tomcat (11 or 10.1, whichever is on the class path) serving one WAR or exploded folder, through
 * flaskj's own test helper {@link EmbeddedTomcat}: the integration tests use what users get.
 */
final class TomcatServer implements TestServer {
    private final EmbeddedTomcat tomcat;

    private TomcatServer(EmbeddedTomcat tomcat) {
        this.tomcat = tomcat;
    }

    static TomcatServer start(Path war, String contextPath, Path workDir) throws DeploymentFailedException {
        try {
            return new TomcatServer(EmbeddedTomcat.start(war, contextPath));
        } catch (IllegalStateException e) {
            throw new DeploymentFailedException("Tomcat could not start " + contextPath, e);
        }
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + tomcat.port() + "/");
    }

    @Override
    public String name() {
        return "Tomcat " + org.apache.catalina.util.ServerInfo.getServerNumber();
    }

    @Override
    public void close() {
        tomcat.close();
    }
}
