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

    /** Werkzeug's {@code build_compare_key} without aliases: more arguments, then more defaults first. */
    int[] buildCompareKey() {
        return new int[] {-buildArguments.size(), -spec.defaults().size()};
    }

    /** Werkzeug: {@code Rule.provides_defaults_for}, used for the canonical-URL redirect. */
    boolean providesDefaultsFor(Rule other) {
        return !spec.defaults().isEmpty() && endpoint().equals(other.endpoint())
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
