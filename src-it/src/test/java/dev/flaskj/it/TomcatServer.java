package dev.flaskj.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/** Embedded Tomcat (11 or 10.1, whichever is on the class path) serving one WAR or exploded folder. */
final class TomcatServer implements TestServer {
    private final Tomcat tomcat;
    private final int port;

    private TomcatServer(Tomcat tomcat) {
        this.tomcat = tomcat;
        this.port = tomcat.getConnector().getLocalPort();
    }

    static TomcatServer start(Path war, String contextPath, Path workDir) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(workDir.toString());
        Files.createDirectories(workDir.resolve("webapps")); // else "Exception fixing docBase"
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.setAddDefaultWebXmlToWebapp(false); // the default web.xml needs the JSP servlet
        ContextConfig config = new ContextConfig();
        config.setDefaultWebXml(org.apache.catalina.startup.Constants.NoDefaultWebXml);
        Context ctx = tomcat.addWebapp(tomcat.getHost(), contextPath, war.toAbsolutePath().toString(), config);
        ctx.addLifecycleListener(event -> {
            if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
                Wrapper defaultServlet = Tomcat.addServlet(ctx, "default",
                        "org.apache.catalina.servlets.DefaultServlet");
                defaultServlet.setLoadOnStartup(1);
                defaultServlet.setOverridable(true);
                ctx.addServletMappingDecoded("/", "default");
                Tomcat.addDefaultMimeTypeMappings(ctx);
            }
        });
        ((StandardJarScanner) ctx.getJarScanner()).setScanClassPath(false);

        LogCapture capture = new LogCapture();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            tomcat.start();
        } finally {
            root.removeHandler(capture);
        }
        if (!ctx.getState().isAvailable()) {
            DeploymentFailedException failure = new DeploymentFailedException("Tomcat could not start "
                    + contextPath + " (state " + ctx.getState() + ")", null);
            capture.errors.forEach(failure::addSuppressed);
            tomcat.stop();
            tomcat.destroy();
            throw failure;
        }
        return new TomcatServer(tomcat);
    }

    /** Collects the exceptions Tomcat logs while starting: a failed filter is logged, not thrown. */
    private static final class LogCapture extends Handler {
        final List<Throwable> errors = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getThrown() != null) {
                errors.add(record.getThrown());
            } else if (record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                errors.add(new IllegalStateException(record.getMessage()));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public String name() {
        return "Tomcat " + org.apache.catalina.util.ServerInfo.getServerNumber();
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
