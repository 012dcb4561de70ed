package dev.flaskj.cli;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one generation of the app in the development server: the project's compiled classes
 * ({@code target/classes}) load here first, everything else (flaskj, its libraries, the container, the JDK) from the
 * parent. The parent may see {@code target/classes} too (as {@code exec:java}'s class path does); loading child-first
 * is what makes a new generation see the classes compiled since the last one. Dropping every reference to it
 * (and closing it) releases the old classes.
 */
final class AppClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    /** Never child-first: the JDK, the Servlet API and flaskj must be the parent's, or their types would not match. */
    private static final List<String> PARENT_ONLY = List.of("java.", "javax.", "jdk.", "sun.", "jakarta.",
            "dev.flaskj.");

    AppClassLoader(Path classes, ClassLoader parent) {
        super("flaskj-app", new URL[] {toUrl(classes)}, parent);
    }

    private static URL toUrl(Path classes) {
        try {
            return classes.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a class folder: " + classes, e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && isChildFirst(name) && findResource(name.replace('.', '/') + ".class") != null) {
                c = findClass(name);
            }
            if (c == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private static boolean isChildFirst(String name) {
        for (String prefix : PARENT_ONLY) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        ClassLoader parent = getParent();
        if (parent != null) {
            for (URL u : Collections.list(parent.getResources(name))) {
                if (!all.contains(u)) {
                    all.add(u);
                }
            }
        }
        return Collections.enumeration(all);
    }
}
