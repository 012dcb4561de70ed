package dev.flaskj.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Entry point of a forked JVM (JDK 21 or newer) that serves one webapp from containers whose request threads are
 * virtual threads, configured as a user would: Tomcat 11's connector attribute {@code useVirtualThreads}, Jetty
 * 12's {@code VirtualThreadPool}. Compiled for Java 17: only container APIs are called, which reach the JDK 21
 * virtual-thread API themselves. Args: container kind, webapp folder, port file.
 */
public final class VirtualThreadServers {
    private VirtualThreadServers() {}

    public static void main(String[] args) throws Exception {
        Path webapp = Path.of(args[1]);
        Path work = Files.createTempDirectory(Path.of(args[2]).getParent(), "server-");
        int port = args[0].equals("jetty") ? OnJetty.start(webapp, work) : OnTomcat.start(webapp, work);
        Path tmp = Path.of(args[2] + ".tmp");
        Files.writeString(tmp, String.valueOf(port));
        Files.move(tmp, Path.of(args[2]), StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join(); // until the test stops the process
    }

    /** A separate class, so a Jetty run never loads Tomcat classes and the other way round. */
    static final class OnTomcat {
        // addServletMappingDecoded is deprecated in Tomcat 11 and still the way to map a servlet.
        @SuppressWarnings("deprecation")
        static int start(Path webapp, Path work) throws Exception {
            org.apache.catalina.startup.Tomcat tomcat = new org.apache.catalina.startup.Tomcat();
            tomcat.setBaseDir(work.toString());
            Files.createDirectories(work.resolve("webapps"));
            tomcat.setPort(0);
            org.apache.catalina.connector.Connector connector = tomcat.getConnector();
            connector.setProperty("address", "127.0.0.1");
            // What server.xml says as <Connector ... useVirtualThreads="true"/>: every request on a new virtual thread.
            if (!connector.setProperty("useVirtualThreads", "true")) {
                throw new IllegalStateException("this Tomcat has no useVirtualThreads connector attribute");
            }
            connector.setProperty("acceptCount", "4096"); // the test opens 2000 connections at once
            tomcat.setAddDefaultWebXmlToWebapp(false);
            org.apache.catalina.startup.ContextConfig config = new org.apache.catalina.startup.ContextConfig();
            config.setDefaultWebXml(org.apache.catalina.startup.Constants.NoDefaultWebXml);
            org.apache.catalina.Context ctx = tomcat.addWebapp(tomcat.getHost(), Containers.CONTEXT_PATH,
                    webapp.toString(), config);
            ctx.addLifecycleListener(event -> {
                if (org.apache.catalina.Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
                    // Tomcat runs filters only for requests mapped to a servlet.
                    org.apache.catalina.startup.Tomcat.addServlet(ctx, "default",
                            "org.apache.catalina.servlets.DefaultServlet").setLoadOnStartup(1);
                    ctx.addServletMappingDecoded("/", "default");
                }
            });
            ((org.apache.tomcat.util.scan.StandardJarScanner) ctx.getJarScanner()).setScanClassPath(false);
            tomcat.start();
            if (!ctx.getState().isAvailable()) {
                throw new IllegalStateException("the webapp did not start");
            }
            return connector.getLocalPort();
        }
    }

    static final class OnJetty {
        static int start(Path webapp, Path work) throws Exception {
            // Every task on a virtual thread; at most 4096 at once (the default, 200, would queue the test's 2000).
            org.eclipse.jetty.util.thread.VirtualThreadPool threads =
                    new org.eclipse.jetty.util.thread.VirtualThreadPool(4096);
            org.eclipse.jetty.server.Server server = new org.eclipse.jetty.server.Server(threads);
            org.eclipse.jetty.server.ServerConnector connector = new org.eclipse.jetty.server.ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            connector.setAcceptQueueSize(4096);
            server.addConnector(connector);
            org.eclipse.jetty.ee10.webapp.WebAppContext ctx = new org.eclipse.jetty.ee10.webapp.WebAppContext();
            ctx.setContextPath(Containers.CONTEXT_PATH);
            ctx.setWar(webapp.toString());
            ctx.setTempDirectory(work.toFile());
            ctx.setThrowUnavailableOnStartupException(true);
            ctx.getProtectedClassMatcher().add("org.slf4j.");
            server.setHandler(ctx);
            server.start();
            return connector.getLocalPort();
        }
    }
}
