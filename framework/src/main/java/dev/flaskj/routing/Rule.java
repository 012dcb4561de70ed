package dev.flaskj.routing;

import dev.flaskj.internal.PercentEncoding;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable compiled URL rule: its parts for matching, its build steps and its final method set.
 *
 * <p>Werkzeug: {@code werkzeug.routing.Rule}. Created by {@link UrlMap#add(RuleSpec)}:
 * <pre>{@code
 * Rule rule = map.add(RuleSpec.of("/post/<int:id>", "show_post"));
 * rule.arguments();   // [id]
 * rule.methods();     // [GET, HEAD, OPTIONS]
 * }</pre>
 * {@link #methods()} is the set the matcher uses: the user's methods, plus {@code HEAD} when {@code GET} is there
 * (Werkzeug), plus {@code OPTIONS} when {@link RuleSpec#provideAutomaticOptions()} and the user did not list it
 * (Flask) — then {@link #providesAutomaticOptions()} is true and the app answers OPTIONS itself.
 */
public final class Rule {
    private final RuleSpec spec;
    private final Set<String> methods;
    private final boolean automaticOptions;
    private final RuleParser.Parsed parsed;
    private final List<BuildStep> steps;
    private final Set<String> buildArguments;
    private final List<Converter> converterList;
    /** The string {@code redirect_to} split into text and names (see {@link #parseRedirect}), or null. */
    private final List<String> redirectPieces;

    Rule(RuleSpec spec, Converters converters) {
        this.spec = Objects.requireNonNull(spec, "spec == null");
        Set<String> m = new TreeSet<>(spec.methods());
        if (m.contains("GET")) {
            m.add("HEAD"); // Werkzeug: Rule.__init__ adds HEAD whenever GET is present
        }
        this.automaticOptions = spec.provideAutomaticOptions() && !m.contains("OPTIONS");
        if (automaticOptions) {
            m.add("OPTIONS"); // Flask: add_url_rule's provide_automatic_options
        }
        this.methods = Collections.unmodifiableSet(m);
        this.parsed = RuleParser.parse(spec, converters);
        this.steps = resolveDefaults(parsed.steps(), spec);
        Set<String> args = new LinkedHashSet<>(parsed.arguments());
        args.addAll(spec.defaults().keySet()); // Werkzeug: Rule.arguments starts with the defaults' keys
        this.buildArguments = Collections.unmodifiableSet(args);
        this.converterList = List.copyOf(parsed.converters().values());
        this.redirectPieces = spec.redirectTo() == null ? null : parseRedirect(spec.redirectTo());
    }

    /**
     * Werkzeug's {@code _simple_rule_re} ({@code <([^>]+)>}) over the target: literal text and variable names, in
     * order (odd indexes are names). Each name must be a variable of the rule: Werkzeug would fail on the first
     * request with a KeyError; flaskj says so at registration.
     */
    private List<String> parseRedirect(String target) {
        List<String> pieces = new java.util.ArrayList<>();
        int pos = 0;
        while (true) {
            int open = target.indexOf('<', pos);
            int close = open < 0 ? -1 : target.indexOf('>', open + 1);
            if (close < 0) {
                pieces.add(target.substring(pos));
                return List.copyOf(pieces);
            }
            String name = target.substring(open + 1, close);
            if (close == open + 1) { // "<>" is no placeholder for Werkzeug's pattern: keep it as text
                pieces.add(target.substring(pos, close + 1));
                pieces.add(""); // no name
                pos = close + 1;
                continue;
            }
            if (!parsed.converters().containsKey(name)) {
                throw new RuleSyntaxException("URL rule " + PyText.repr(rule()) + ": redirectTo "
                        + PyText.repr(target) + " uses <" + name + ">, but the rule's variables are " + arguments()
                        + " (write a variable as <name>, without its converter)");
            }
            pieces.add(target.substring(pos, open));
            pieces.add(name);
            pos = close + 1;
        }
    }

    /** Werkzeug's {@code redirect_to}: whether a match of this rule redirects. */
    public boolean redirects() {
        return spec.redirects();
    }

    /** Werkzeug's {@code alias}. */
    public boolean alias() {
        return spec.alias();
    }

    /** Werkzeug's {@code build_only}: never matched, only built. */
    public boolean buildOnly() {
        return spec.buildOnly();
    }

    /**
     * The redirect target for the matched {@code values} (converted, defaults included), not yet joined against
     * the script root: the string form with each {@code <name>} replaced by its converter's {@code toUrl}, or what
     * the function returns. Call only when {@link #redirects()}.
     *
     * @throws RuntimeException whatever the function throws
     */
    public String redirectTarget(Map<String, Object> values) {
        if (spec.redirectFunction() != null) {
            return Objects.requireNonNull(spec.redirectFunction().apply(values), "the redirectTo function of rule "
                    + PyText.repr(rule()) + " returned null");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < redirectPieces.size(); i++) {
            String piece = redirectPieces.get(i);
            if (i % 2 == 0) {
                out.append(piece);
            } else if (!piece.isEmpty()) {
                out.append(parsed.converters().get(piece).toUrl(values.get(piece)));
            }
        }
        return out.toString();
    }

    /** The rule string as written, e.g. {@code /post/<int:id>}. */
    public String rule() {
        return spec.rule();
    }

    /** The endpoint name. */
    public String endpoint() {
        return spec.endpoint();
    }

    /** The final, sorted method set (see the class comment). */
    public Set<String> methods() {
        return methods;
    }

    /** Whether {@code OPTIONS} was added automatically, so the app answers OPTIONS requests itself. */
    public boolean providesAutomaticOptions() {
        return automaticOptions;
    }

    /** The rule's {@code defaults} (possibly empty), in the order given. */
    public Map<String, Object> defaults() {
        return spec.defaults();
    }

    /** The variable names, in rule order. */
    public List<String> arguments() {
        return parsed.arguments();
    }

    /**
     * The converter of variable {@code argument}.
     *
     * @throws IllegalArgumentException if the rule has no such variable
     */
    public Converter converter(String argument) {
        Converter c = parsed.converters().get(argument);
        if (c == null) {
            throw new IllegalArgumentException("rule " + PyText.repr(rule()) + " has no variable "
                    + PyText.repr(argument) + "; its variables are " + arguments());
        }
        return c;
    }

    /** Werkzeug's {@code strict_slashes}. */
    public boolean strictSlashes() {
        return spec.strictSlashes();
    }

    /** Werkzeug's {@code merge_slashes}. */
    public boolean mergeSlashes() {
        return spec.mergeSlashes();
    }

    /** The specification this rule was compiled from. */
    public RuleSpec spec() {
        return spec;
    }

    /** The rule string. */
    @Override
    public String toString() {
        return spec.rule();
    }

    List<RulePart> parts() {
        return parsed.parts();
    }

    List<Converter> converterList() {
        return converterList;
    }

    boolean allows(String method) {
        return methods.contains(method);
    }

    /** The variables plus the defaults' keys (Werkzeug's {@code Rule.arguments}). */
    Set<String> buildArguments() {
        return buildArguments;
    }

    /** Werkzeug's {@code build_compare_key}: aliases last, then more arguments, then more defaults first. */
    int[] buildCompareKey() {
        return new int[] {spec.alias() ? 1 : 0, -buildArguments.size(), -spec.defaults().size()};
    }

    /** Werkzeug: {@code Rule.provides_defaults_for}, used for the canonical-URL redirect. */
    boolean providesDefaultsFor(Rule other) {
        return !spec.buildOnly() && !spec.defaults().isEmpty() && endpoint().equals(other.endpoint())
                && !parsed.trace().equals(other.parsed.trace()) && buildArguments.equals(other.buildArguments);
    }

    /**
     * Werkzeug: {@code Rule.suitable_for}: the method fits (when given), every variable has a value or a default,
     * and values given for defaulted keys equal the defaults.
     */
    boolean suitableFor(Map<String, ?> values, String method) {
        if (method != null && !methods.contains(method)) {
            return false;
        }
        for (String key : parsed.arguments()) {
            if (!spec.defaults().containsKey(key) && !values.containsKey(key)) {
                return false;
            }
        }
        for (Map.Entry<String, Object> d : spec.defaults().entrySet()) {
            if (values.containsKey(d.getKey()) && !PyText.equal(d.getValue(), values.get(d.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The path (starting with {@code /}) for {@code values}, plus {@code ?query} of the values the rule does not
     * use when {@code appendUnknown}. Call only when {@link #suitableFor} holds.
     */
    String build(Map<String, ?> values, boolean appendUnknown) {
        StringBuilder out = new StringBuilder(64);
        for (BuildStep step : steps) {
            step.append(out, step.name() == null ? null : values.get(step.name()));
        }
        if (appendUnknown) {
            appendQuery(out, values);
        }
        return out.toString();
    }

    private void appendQuery(StringBuilder out, Map<String, ?> values) {
        int mark = out.length();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (buildArguments.contains(e.getKey()) || e.getValue() == null) {
                continue;
            }
            String key = PercentEncoding.encodeQuery(e.getKey());
            Object value = e.getValue();
            // Werkzeug: iter_multi_items expands lists, tuples and sets into repeated keys; None items are dropped.
            if (value instanceof Collection<?> items) {
                for (Object item : items) {
                    appendPair(out, mark, key, item);
                }
            } else if (value.getClass().isArray() && !(value instanceof byte[])) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    appendPair(out, mark, key, Array.get(value, i));
                }
            } else {
                appendPair(out, mark, key, value);
            }
        }
    }

    private static void appendPair(StringBuilder out, int mark, String key, Object value) {
        if (value == null) {
            return;
        }
        out.append(out.length() == mark ? '?' : '&').append(key).append('=');
        out.append(value instanceof byte[] bytes
                ? PercentEncoding.encodeQuery(bytes)
                : PercentEncoding.encodeQuery(PyText.str(value)));
    }

    /** Werkzeug's builder turns a variable that also has a default into a constant when the rule is compiled. */
    private static List<BuildStep> resolveDefaults(List<BuildStep> steps, RuleSpec spec) {
        if (spec.defaults().isEmpty()) {
            return steps;
        }
        return steps.stream().map(step -> step instanceof BuildStep.Slot slot
                        && spec.defaults().containsKey(slot.name())
                ? (BuildStep) new BuildStep.Literal(slot.converter().toUrl(spec.defaults().get(slot.name())))
                : step).toList();
    }
}
