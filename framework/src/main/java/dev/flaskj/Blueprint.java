package dev.flaskj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A group of views, hooks and error handlers registered on an app under a name and URL prefix
 * (Flask: {@code flask.Blueprint}).
 *
 * <pre>{@code
 * public class Admin extends Blueprint {
 *     public Admin() { super("admin", "/admin"); }
 *
 *     @Route("/")
 *     String index() { return "admin home, users at " + urlFor(".users"); }
 *
 *     @Route("/users")
 *     String users() { return "users"; }
 * }
 * app.registerBlueprint(new Admin());     // endpoints admin.index, admin.users
 * }</pre>
 * Hooks and error handlers on a blueprint apply only to the requests its views handle.
 */
public abstract class Blueprint extends Scaffold {
    record Deferred(String rule, String endpoint, View view, RuleOptions options) {}

    record Nested(Blueprint blueprint, String urlPrefix) {}

    private final String name;
    private final String urlPrefix;
    private final ScopeHooks hooks = new ScopeHooks();
    private final List<Deferred> rules = new ArrayList<>();
    private final List<Nested> children = new ArrayList<>();
    private final Map<String, TemplateFilter> templateFilters = new LinkedHashMap<>();
    private final Map<String, Object> templateGlobals = new LinkedHashMap<>();
    private final Map<String, TemplateTest> templateTests = new LinkedHashMap<>();

    /** A blueprint without a URL prefix. */
    protected Blueprint(String name) {
        this(name, null);
    }

    /**
     * A blueprint with a default URL prefix (null: none); its annotated methods are recorded now.
     *
     * @throws IllegalArgumentException if the name is empty or contains a dot
     */
    protected Blueprint(String name, String urlPrefix) {
        Objects.requireNonNull(name, "name == null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'name' may not be empty.");
        }
        if (name.contains(".")) {
            throw new IllegalArgumentException("'name' may not contain a dot '.' character.");
        }
        this.name = name;
        this.urlPrefix = urlPrefix;
        ViewBinder.bind(this, this, Blueprint.class);
    }

    /** The name, the prefix of its endpoints. */
    public final String name() {
        return name;
    }

    /** The default URL prefix, or null. */
    public final String urlPrefix() {
        return urlPrefix;
    }

    /**
     * Nests {@code child} in this blueprint (Flask 2.0+ nested blueprints): when this one is registered as
     * {@code parent} under {@code /p}, the child's endpoints are {@code parent.child.x} and its rules are under
     * {@code /p} plus the child's own prefix; the parent's hooks and error handlers apply to the child's requests too.
     */
    public final void registerBlueprint(Blueprint child) {
        registerBlueprint(child, child.urlPrefix());
    }

    /** Nests {@code child} under {@code urlPrefix} (null: the child's own prefix, or none). */
    public final void registerBlueprint(Blueprint child, String urlPrefix) {
        if (child == this) {
            throw new IllegalArgumentException("Cannot register a blueprint on itself");
        }
        children.add(new Nested(java.util.Objects.requireNonNull(child, "child == null"), urlPrefix));
    }

    /**
     * Registers a template filter for the whole app when this blueprint is registered (Flask:
     * {@code app_template_filter}); see {@link Flask#templateFilter}.
     */
    public final void appTemplateFilter(String name, TemplateFilter f) {
        templateFilters.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(f, "f == null"));
    }

    /**
     * Registers a template global for the whole app when this blueprint is registered (Flask:
     * {@code app_template_global}); see {@link Flask#templateGlobal}.
     */
    public final void appTemplateGlobal(String name, Object value) {
        templateGlobals.put(Objects.requireNonNull(name, "name == null"),
                Objects.requireNonNull(value, "value == null"));
    }

    /**
     * Registers a template test for the whole app when this blueprint is registered (Flask:
     * {@code app_template_test}); see {@link Flask#templateTest}.
     */
    public final void appTemplateTest(String name, TemplateTest t) {
        templateTests.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(t, "t == null"));
    }

    Map<String, TemplateFilter> templateFilters() {
        return templateFilters;
    }

    Map<String, Object> templateGlobals() {
        return templateGlobals;
    }

    Map<String, TemplateTest> templateTests() {
        return templateTests;
    }

    List<Nested> children() {
        return List.copyOf(children);
    }

    @Override
    void onRule(String rule, String endpoint, View view, RuleOptions options) {
        if (endpoint.contains(".")) {
            throw new IllegalArgumentException("'endpoint' may not contain a dot '.' character.");
        }
        rules.add(new Deferred(rule, endpoint, view, options));
    }

    @Override
    ScopeHooks scopeHooks() {
        return hooks;
    }

    List<Deferred> rules() {
        return List.copyOf(rules);
    }

    /** Flask's rule joining: prefix without trailing slash + "/" + rule without leading slash; "" keeps the prefix. */
    static String joinRule(String prefix, String rule) {
        if (prefix == null || prefix.isEmpty()) {
            return rule.isEmpty() ? "/" : rule;
        }
        if (rule.isEmpty()) {
            return prefix;
        }
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return p + "/" + (rule.startsWith("/") ? rule.substring(1) : rule);
    }
}
