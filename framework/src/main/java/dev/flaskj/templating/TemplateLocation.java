package dev.flaskj.templating;

import java.util.Objects;

/**
 * One place templates are looked up in, engine-neutral: every template engine of the app (Thymeleaf, Jinja)
 * searches {@link dev.flaskj.Flask#templateLocations()} in its order, the first location that has a name wins
 * (Flask: the {@code DispatchingJinjaLoader}'s app loader, then each blueprint's loader).
 * <pre>{@code
 * for (TemplateLocation l : app.templateLocations()) {
 *     System.out.println(l.description());   // webapp /templates/, classpath templates/, webapp /admin/templates/ ...
 * }
 * }</pre>
 *
 * @param kind where {@link #path} is resolved
 * @param path the folder without a trailing slash: an absolute file-system path ({@link Kind#FILE_SYSTEM}), a
 *     path under the webapp root without a leading slash ({@link Kind#WEBAPP}) or a class-path resource folder
 *     ({@link Kind#CLASSPATH}), e.g. {@code templates} or {@code admin/templates}
 * @param classLoader the class loader for {@link Kind#CLASSPATH} (the app's or the blueprint's), else null
 * @param blueprint the name of the blueprint the folder belongs to (its first registration), or null for the
 *     app's own folders
 */
public record TemplateLocation(Kind kind, String path, ClassLoader classLoader, String blueprint) {
    /** Where a location's path is resolved. */
    public enum Kind {
        /** A folder of the file system (config {@code TEMPLATE_FOLDER}). */
        FILE_SYSTEM,
        /** A folder of the web application ({@code ServletContext.getResource("/" + path + "/" + name)}). */
        WEBAPP,
        /** A resource folder on the class path ({@code classLoader.getResource(path + "/" + name)}). */
        CLASSPATH
    }

    /** Checks the values. */
    public TemplateLocation {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(path, "path == null");
        if (kind == Kind.CLASSPATH) {
            Objects.requireNonNull(classLoader, "a class-path location needs a class loader");
        }
    }

    /** The prefix a template name is appended to: the path plus {@code /} ({@code /} first for the webapp). */
    public String prefix() {
        return (kind == Kind.WEBAPP ? "/" : "") + path + "/";
    }

    /** How messages name the location, e.g. {@code webapp /templates/} (a template's name is appended to it). */
    public String description() {
        return switch (kind) {
            case FILE_SYSTEM -> "folder " + prefix();
            case WEBAPP -> "webapp " + prefix();
            case CLASSPATH -> "classpath " + prefix();
        };
    }
}
