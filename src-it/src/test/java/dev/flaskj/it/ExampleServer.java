package dev.flaskj.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link TestServer} running the example WAR; started once per test JVM (one per container execution)
 * and stopped when the JVM's tests are done.
 */
final class ExampleServer implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return e.getRoot().getStore(ExtensionContext.Namespace.create(ExampleServer.class))
                .computeIfAbsent("server", key -> start(), Holder.class).server;
    }

    private static Holder start() {
        try {
            TestServer server = Containers.deploy(Containers.exampleWar(), "example");
            System.out.println("example WAR deployed on " + server.name() + " at " + server.base());
            return new Holder(server);
        } catch (Exception e) {
            throw new IllegalStateException("cannot deploy the example WAR", e);
        }
    }

    /** Closed by JUnit when the root store is closed. */
    record Holder(TestServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }
}
