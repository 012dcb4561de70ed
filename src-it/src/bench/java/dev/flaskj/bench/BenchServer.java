package dev.flaskj.bench;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * One embedded Tomcat 11 on 127.0.0.1 with three contexts serving the same endpoints: {@code /raw} (plain
 * servlets, the upper bound), {@code /spring} (Spring MVC, one {@code DispatcherServlet}) and {@code /flaskj}
 * ({@code FlaskFilter}). Endpoints: {@code hello}, {@code user/<name>} (plus 200 extra dynamic routes per
 * context), {@code json}, {@code page}, {@code session}; flaskj also has {@code page-direct}.
 *
 * <p>Usage: {@code BenchServer [port]} (default 8089). Prints {@code READY <port>} when it serves, and runs until
 * killed. Started by {@code scripts/bench.sh}.
 */
public final class BenchServer {
    private BenchServer() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        Path base = Files.createTempDirectory("flaskj-bench");
        Tomcat tomcat = start(base, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (LifecycleException e) {
                // exiting anyway
            }
        }));
        System.out.println("READY " + tomcat.getConnector().getLocalPort());
        System.out.flush();
        tomcat.getServer().await();
    }

    static Tomcat start(Path base, int port) throws IOException, LifecycleException {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Files.createDirectories(base.resolve("webapps"));
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        addContext(tomcat, base, "/raw", RawContext::install);
        addContext(tomcat, base, "/spring", SpringContext::install);
        addContext(tomcat, base, "/flaskj", FlaskjContext::install);
        tomcat.start();
        return tomcat;
    }

    /** A context whose document root holds {@code templates/page.html}, set up by {@code installer}. */
    private static void addContext(Tomcat tomcat, Path base, String path, Consumer<ServletContext> installer)
            throws IOException {
        Path docBase = base.resolve("docs" + path.replace('/', '-'));
        Files.createDirectories(docBase.resolve("templates"));
        try (InputStream in = BenchServer.class.getResourceAsStream("/bench/templates/page.html")) {
            if (in == null) {
                throw new IOException("bench/templates/page.html is not on the class path");
            }
            Files.copy(in, docBase.resolve("templates/page.html"), StandardCopyOption.REPLACE_EXISTING);
        }
        Context ctx = tomcat.addContext(path, docBase.toString());
        ServletContainerInitializer sci = (classes, sc) -> installer.accept(sc);
        ctx.addServletContainerInitializer(sci, null);
    }
}
