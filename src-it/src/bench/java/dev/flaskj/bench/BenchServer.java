package dev.flaskj.bench;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One embedded servlet container on 127.0.0.1 with contexts serving the same endpoints: {@code /raw} (plain
 * servlets, the upper bound), {@code /spring} (Spring MVC, one {@code DispatcherServlet}) and {@code /flaskj}
 * ({@code FlaskFilter}). Endpoints: {@code hello}, {@code user/<name>} (plus 200 extra dynamic routes per
 * context), {@code json}, {@code page}, {@code session}; raw and flaskj also {@code blocking}, flaskj also
 * {@code page-direct}. {@code flaskj-jinja} (only when asked for) is the flaskj app with
 * {@code TEMPLATE_ENGINE=jinja}, rendering the Jinja twin of the page.
 *
 * <p>Usage: {@code BenchServer PORT [tomcat|jetty] [platform|virtual] [raw,spring,flaskj]} (defaults: Tomcat 11,
 * the container's default platform thread pool, all three contexts). {@code virtual} runs every request on a
 * virtual thread (Java 21+: Tomcat's {@code useVirtualThreads}, Jetty's virtual-threads executor). Both
 * containers accept a backlog of 4096 connections, so 2 000 connections opened at once are not refused. Prints
 * {@code READY <port>} when it serves, and runs until killed. Started by {@code scripts/bench.sh}.
 */
public final class BenchServer {
    private static final int ACCEPT_BACKLOG = 4096;

    private static final Map<String, Consumer<ServletContext>> CONTEXTS = new LinkedHashMap<>();

    static {
        CONTEXTS.put("raw", RawContext::install);
        CONTEXTS.put("spring", SpringContext::install);
        CONTEXTS.put("flaskj", FlaskjContext::install);
        CONTEXTS.put("flaskj-jinja", FlaskjContext::installJinja);
    }

    private BenchServer() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        String container = args.length > 1 ? args[1] : "tomcat";
        boolean virtual = args.length > 2 && args[2].equals("virtual");
        List<String> contexts = args.length > 3 ? List.of(args[3].split(",")) : new ArrayList<>(CONTEXTS.keySet());
        for (String name : contexts) {
            if (!CONTEXTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown context " + name + "; known: " + CONTEXTS.keySet());
            }
        }
        Path base = Files.createTempDirectory("flaskj-bench");
        int bound;
        AutoCloseable stop;
        switch (container) {
            case "tomcat" -> {
                Tomcat tomcat = startTomcat(base, port, virtual, contexts);
                bound = tomcat.getConnector().getLocalPort();
                stop = () -> {
                    tomcat.stop();
                    tomcat.destroy();
                };
            }
            case "jetty" -> {
                Server jetty = startJetty(base, port, virtual, contexts);
                bound = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
                stop = jetty::stop;
            }
            default -> throw new IllegalArgumentException("container: tomcat or jetty, not " + container);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.close();
            } catch (Exception e) {
                // exiting anyway
            }
        }));
        System.out.println("READY " + bound + " " + container + " " + (virtual ? "virtual" : "platform") + " "
                + String.join(",", contexts));
        System.out.flush();
        Thread.currentThread().join();
    }

    static Tomcat startTomcat(Path base, int port, boolean virtual, List<String> contexts) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Files.createDirectories(base.resolve("webapps"));
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("acceptCount", String.valueOf(ACCEPT_BACKLOG));
        if (virtual && !connector.setProperty("useVirtualThreads", "true")) {
            throw new IllegalStateException("this Tomcat has no useVirtualThreads");
        }
        tomcat.setConnector(connector);
        for (String name : contexts) {
            Path docBase = docBase(base, name);
            Context ctx = tomcat.addContext("/" + name, docBase.toString());
            Consumer<ServletContext> installer = CONTEXTS.get(name);
            ServletContainerInitializer sci = (classes, sc) -> installer.accept(sc);
            ctx.addServletContainerInitializer(sci, null);
        }
        tomcat.start();
        return tomcat;
    }

    static Server startJetty(Path base, int port, boolean virtual, List<String> contexts) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool();
        if (virtual) {
            if (!VirtualThreads.areSupported()) {
                throw new IllegalStateException("virtual threads need Java 21 or later");
            }
            pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("bench-vt"));
        }
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_BACKLOG);
        server.addConnector(connector);
        List<ServletContextHandler> handlers = new ArrayList<>();
        for (String name : contexts) {
            ServletContextHandler handler = new ServletContextHandler("/" + name);
            handler.setBaseResourceAsPath(docBase(base, name));
            Consumer<ServletContext> installer = CONTEXTS.get(name);
            ServletContainerInitializer sci = (classes, sc) -> installer.accept(sc);
            handler.addServletContainerInitializer(sci);
            handlers.add(handler);
        }
        server.setHandler(new ContextHandlerCollection(handlers.toArray(new ServletContextHandler[0])));
        server.start();
        return server;
    }

    /**
     * A context's document root holding {@code templates/page.html}: the Thymeleaf template, or for
     * {@code flaskj-jinja} its Jinja twin (the one the Flask peer renders).
     */
    static Path docBase(Path base, String name) throws IOException {
        Path docBase = base.resolve("docs-" + name);
        Files.createDirectories(docBase.resolve("templates"));
        String template = name.equals("flaskj-jinja") ? "/bench/jinja/page.html" : "/bench/templates/page.html";
        try (InputStream in = BenchServer.class.getResourceAsStream(template)) {
            if (in == null) {
                throw new IOException(template + " is not on the class path");
            }
            Files.copy(in, docBase.resolve("templates/page.html"), StandardCopyOption.REPLACE_EXISTING);
        }
        return docBase;
    }
}
