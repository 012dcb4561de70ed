package dev.flaskj.routing;

import dev.flaskj.internal.PercentEncoding;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a rule string such as {@code /post/<int(min=1):id>/edit} into {@link RulePart}s and {@link BuildStep}s.
 *
 * <p>Werkzeug 3.x: {@code rules.py} {@code _part_re}, {@code Rule._parse_rule} and {@code parse_converter_args};
 * syntax as in Werkzeug's routing documentation ("Rule Format"). Errors are {@link RuleSyntaxException}s naming
 * the rule and the (1-based) column.
 */
final class RuleParser {
    /** Werkzeug's {@code _converter_args_re}: one {@code [name=]value,} item. */
    private static final Pattern ARG = Pattern.compile(
            "\\s*((?<name>\\w+)\\s*=\\s*)?(?<value>True|False|\\d+.\\d+|\\d+.|\\d+|[\\w\\d_.]+"
                    + "|[urUR]?(?<stringval>\"[^\"]*?\"|'[^']*'))\\s*,",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern INT = Pattern.compile("[+-]?\\d+(_\\d+)*");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+)([eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+");

    /**
     * The result of parsing.
     *
     * @param parts      the parts to match, one per slash-separated segment
     * @param arguments  variable names in rule order
     * @param converters variable name → converter, in rule order
     * @param steps      the build steps (literals already quoted)
     * @param trace      Werkzeug's trace as text ({@code /d/<page>}): equal traces mean equal rules
     */
    record Parsed(List<RulePart> parts, List<String> arguments, Map<String, Converter> converters,
                  List<BuildStep> steps, String trace) {
    }

    /**
     * The converter arguments of a placeholder.
     *
     * @param args   positional values
     * @param kwargs keyword values, in order
     */
    record Args(List<Object> args, Map<String, Object> kwargs) {
    }

    private final String original;
    private final String rule;
    private final Converters registry;
    private final List<RulePart> parts = new ArrayList<>();
    private final Map<String, Converter> converters = new LinkedHashMap<>();
    private final List<BuildStep> steps = new ArrayList<>();
    private final StringBuilder trace = new StringBuilder();

    // State of the part being parsed (Werkzeug: the locals of _parse_rule).
    private final StringBuilder content = new StringBuilder();
    private boolean isStatic = true;
    private boolean isFinal;
    private boolean endsWithSlash;
    private final List<Weight.Chunk> chunks = new ArrayList<>();
    private final List<Integer> weights = new ArrayList<>();
    private final List<Integer> groups = new ArrayList<>();
    private int nextGroup = 1;

    private RuleParser(String original, String rule, Converters registry) {
        this.original = original;
        this.rule = rule;
        this.registry = registry;
    }

    /**
     * Parses {@code spec}'s rule (after merging {@code //} when {@code mergeSlashes}).
     *
     * @throws RuleSyntaxException if the rule is malformed or a converter cannot be created
     */
    static Parsed parse(RuleSpec spec, Converters registry) {
        String rule = spec.rule();
        if (!rule.startsWith("/")) {
            // Werkzeug 3.x: Rule.__init__
            throw new RuleSyntaxException("URL rule " + PyText.repr(rule) + " must start with a slash.");
        }
        if (spec.mergeSlashes()) {
            rule = rule.replaceAll("/{2,}", "/"); // Werkzeug: Rule.compile merges slashes in the rule
        }
        RuleParser parser = new RuleParser(spec.rule(), rule, registry);
        parser.run();
        return new Parsed(List.copyOf(parser.parts), List.copyOf(parser.converters.keySet()),
                Collections.unmodifiableMap(parser.converters), List.copyOf(parser.steps),
                parser.trace.toString());
    }

    private void run() {
        int pos = 0;
        while (pos < rule.length()) {
            char c = rule.charAt(pos);
            if (c == '/') {
                slash();
                pos++;
            } else if (c == '<') {
                pos = placeholder(pos);
            } else {
                int end = pos;
                while (end < rule.length() && rule.charAt(end) != '/' && rule.charAt(end) != '<') {
                    end++;
                }
                literal(rule.substring(pos, end));
                pos = end;
            }
        }
        finish();
    }

    private void literal(String text) {
        chunks.add(new Weight.Chunk(chunks.size(), text.codePointCount(0, text.length())));
        content.append(isStatic ? text : Pattern.quote(text));
        endsWithSlash = false;
        addLiteralStep(text);
    }

    private void slash() {
        addLiteralStep("/");
        if (isFinal) {
            content.append('/'); // a path converter swallows the slash into its part
            endsWithSlash = true;
            return;
        }
        emitPart(false);
    }

    /** Parses {@code <name>}, {@code <conv:name>} or {@code <conv(args):name>} at {@code start}; returns the end. */
    private int placeholder(int start) {
        int first = identifierEnd(start + 1);
        if (first == start + 1 || first >= rule.length()) {
            throw malformed(start);
        }
        String converterName = "default";
        String argText = "";
        int varStart;
        char next = rule.charAt(first);
        if (next == '>') {
            varStart = start + 1;
        } else if (next == ':') {
            converterName = rule.substring(start + 1, first);
            varStart = first + 1;
        } else if (next == '(') {
            converterName = rule.substring(start + 1, first);
            // Werkzeug's "(?P<arguments>.*?)\)" is lazy: the first ")" followed by ":name>" ends the arguments.
            int close = rule.indexOf(')', first + 1);
            while (close >= 0 && !closesArguments(close)) {
                close = rule.indexOf(')', close + 1);
            }
            if (close < 0) {
                throw malformed(start);
            }
            argText = rule.substring(first + 1, close);
            varStart = close + 2;
        } else {
            throw malformed(start);
        }
        int varEnd = identifierEnd(varStart);
        if (varEnd == varStart || varEnd >= rule.length() || rule.charAt(varEnd) != '>') {
            throw malformed(start);
        }
        variable(rule.substring(varStart, varEnd), converterName, argText, start);
        return varEnd + 1;
    }

    private boolean closesArguments(int close) {
        if (close + 1 >= rule.length() || rule.charAt(close + 1) != ':') {
            return false;
        }
        int end = identifierEnd(close + 2);
        return end > close + 2 && end < rule.length() && rule.charAt(end) == '>';
    }

    private void variable(String name, String converterName, String argText, int column) {
        if (converters.containsKey(name)) {
            throw error(column, "the variable " + PyText.repr(name) + " is used twice");
        }
        Converter converter = createConverter(converterName, argText, column);
        int innerGroups;
        try {
            innerGroups = Pattern.compile(converter.regex()).matcher("").groupCount();
        } catch (PatternSyntaxException e) {
            throw new RuleSyntaxException(where(column) + ": converter " + PyText.repr(converterName)
                    + " has an invalid regex: " + e.getDescription(), e);
        }
        if (isStatic) {
            String text = content.toString();
            content.setLength(0);
            content.append(text.isEmpty() ? "" : Pattern.quote(text));
            isStatic = false;
        }
        converters.put(name, converter);
        isFinal |= converter.matchesSlash();
        content.append('(').append(converter.regex()).append(')');
        groups.add(nextGroup);
        nextGroup += 1 + innerGroups;
        weights.add(converter.weight());
        endsWithSlash = false;
        steps.add(new BuildStep.Slot(name, converter));
        trace.append('<').append(name).append('>');
    }

    private Converter createConverter(String converterName, String argText, int column) {
        ConverterFactory factory = registry.factory(converterName);
        if (factory == null) {
            throw error(column, "the converter " + PyText.repr(converterName) + " does not exist");
        }
        Args args;
        try {
            args = parseArgs(argText);
        } catch (IllegalArgumentException e) {
            throw error(column, e.getMessage());
        }
        try {
            return factory.create(Collections.unmodifiableList(args.args()),
                    Collections.unmodifiableMap(args.kwargs()));
        } catch (IllegalArgumentException e) {
            throw new RuleSyntaxException(where(column) + ": converter " + PyText.repr(converterName) + ": "
                    + e.getMessage(), e);
        }
    }

    private void emitPart(boolean last) {
        Weight weight = new Weight(chunks, weights);
        boolean suffixed = last && isFinal && endsWithSlash;
        if (isStatic) {
            parts.add(RulePart.literal(content.toString()));
        } else {
            String regex = content.toString();
            if (suffixed) {
                // Werkzeug 3.x: a trailing slash after a path converter becomes optional, so /pd/a/b can be
                // redirected to /pd/a/b/ (rules.py _parse_rule).
                regex = regex.substring(0, regex.length() - 1) + "(?<!/)(/?)";
            }
            parts.add(RulePart.dynamic(regex, isFinal, suffixed, weight, toArray(groups)));
            if (suffixed) {
                parts.add(RulePart.literal(""));
            }
        }
        content.setLength(0);
        isStatic = true;
        isFinal = false;
        endsWithSlash = false;
        chunks.clear();
        weights.clear();
        groups.clear();
        nextGroup = 1;
    }

    private void finish() {
        emitPart(true);
    }

    private void addLiteralStep(String text) {
        trace.append(text);
        String quoted = PercentEncoding.encodePath(text);
        int last = steps.size() - 1;
        if (last >= 0 && steps.get(last) instanceof BuildStep.Literal previous) {
            steps.set(last, new BuildStep.Literal(previous.text() + quoted)); // constant folding, as Werkzeug
        } else {
            steps.add(new BuildStep.Literal(quoted));
        }
    }

    private int identifierEnd(int start) {
        int i = start;
        while (i < rule.length() && isIdentifierChar(rule.charAt(i), i == start)) {
            i++;
        }
        return i;
    }

    private static boolean isIdentifierChar(char c, boolean first) {
        boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        return letter || !first && c >= '0' && c <= '9';
    }

    private RuleSyntaxException malformed(int column) {
        return error(column, "malformed placeholder; expected <name>, <converter:name> or"
                + " <converter(arguments):name> with identifiers [a-zA-Z_][a-zA-Z0-9_]*");
    }

    private RuleSyntaxException error(int index, String message) {
        return new RuleSyntaxException(where(index) + ": " + message);
    }

    private String where(int index) {
        // Columns refer to the rule as written; merged slashes shift them, so name the compiled form too.
        String at = "URL rule " + PyText.repr(original);
        return rule.equals(original) ? at + " (column " + (index + 1) + ")"
                : at + " (column " + (index + 1) + " of " + PyText.repr(rule) + ")";
    }

    /**
     * Werkzeug's {@code parse_converter_args}: {@code True/False/None}, ints, floats, bare words and quoted
     * strings, positional or {@code key=value}.
     *
     * @throws IllegalArgumentException {@code Cannot parse converter argument '...'}
     */
    static Args parseArgs(String argText) {
        List<Object> args = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (argText.isEmpty()) {
            return new Args(args, kwargs);
        }
        String text = argText + ",";
        Matcher m = ARG.matcher(text);
        int position = 0;
        while (position < text.length()) {
            // Werkzeug uses finditer and complains about skipped text; unparsable text at the end (which Werkzeug
            // ignores) is an error here too, unless it is only blanks.
            boolean found = m.find(position);
            if (!found || m.start() != position) {
                int end = found ? m.start() : text.length() - 1;
                String skipped = text.substring(position, Math.max(position, end));
                if (!found && skipped.isBlank()) {
                    break;
                }
                throw new IllegalArgumentException("Cannot parse converter argument " + PyText.repr(skipped));
            }
            String raw = m.group("stringval") != null ? m.group("stringval") : m.group("value");
            Object value = pythonize(raw);
            if (m.group("name") == null) {
                args.add(value);
            } else {
                kwargs.put(m.group("name"), value);
            }
            position = m.end();
        }
        return new Args(args, kwargs);
    }

    /** Werkzeug's {@code _pythonize}: constants, then int, then float, then a (de-quoted) string. */
    static Object pythonize(String value) {
        switch (value) {
            case "None":
                return null;
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            default:
                break;
        }
        if (INT.matcher(value).matches()) {
            return PyArgs.narrow(new BigInteger(value.replace("_", "")));
        }
        if (FLOAT.matcher(value).matches()) {
            return Double.parseDouble(value);
        }
        if (value.length() >= 2 && value.charAt(0) == value.charAt(value.length() - 1)
                && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static int[] toArray(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }
}
