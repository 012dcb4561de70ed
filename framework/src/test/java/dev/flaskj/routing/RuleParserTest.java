package dev.flaskj.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Rule syntax, converter arguments and registration errors. */
class RuleParserTest {

    static Stream<Arguments> malformedRules() {
        return Stream.of(
                // Werkzeug 3.x: ValueError("URL rule 'nolead' must start with a slash.")
                Arguments.of("nolead", "URL rule 'nolead' must start with a slash."),
                Arguments.of("", "URL rule '' must start with a slash."),
                // Werkzeug: LookupError("the converter 'foo' does not exist")
                Arguments.of("/x/<foo:a>", "URL rule '/x/<foo:a>' (column 4): the converter 'foo' does not exist"),
                // Werkzeug: a Python SyntaxError ("duplicate argument"); flaskj's own message.
                Arguments.of("/x/<a>/<int:a>", "URL rule '/x/<a>/<int:a>' (column 8): the variable 'a' is used twice"),
                // Werkzeug: ValueError("malformed url rule: ...")
                Arguments.of("/x/<", "URL rule '/x/<' (column 4): malformed placeholder; expected <name>,"
                        + " <converter:name> or <converter(arguments):name> with identifiers [a-zA-Z_][a-zA-Z0-9_]*"),
                Arguments.of("/x/<1a>", "URL rule '/x/<1a>' (column 4): malformed placeholder; expected <name>,"
                        + " <converter:name> or <converter(arguments):name> with identifiers [a-zA-Z_][a-zA-Z0-9_]*"),
                Arguments.of("/x/<int(:a>", "URL rule '/x/<int(:a>' (column 4): malformed placeholder; expected"
                        + " <name>, <converter:name> or <converter(arguments):name> with identifiers"
                        + " [a-zA-Z_][a-zA-Z0-9_]*"),
                Arguments.of("/x/<a:>", "URL rule '/x/<a:>' (column 4): malformed placeholder; expected <name>,"
                        + " <converter:name> or <converter(arguments):name> with identifiers [a-zA-Z_][a-zA-Z0-9_]*"),
                // Werkzeug: TypeError("NumberConverter.__init__() got an unexpected keyword argument 'bogus'")
                Arguments.of("/x/<int(bogus=1):a>", "URL rule '/x/<int(bogus=1):a>' (column 4): converter 'int':"
                        + " int() got an unexpected keyword argument 'bogus'"),
                // Werkzeug ignores trailing garbage such as "@@" (it stops at the last item it can parse);
                // flaskj rejects it with Werkzeug's "Cannot parse converter argument" wording.
                Arguments.of("/x/<int(min=@@):a>", "URL rule '/x/<int(min=@@):a>' (column 4): Cannot parse converter"
                        + " argument 'min=@@'"),
                Arguments.of("/x/<any(x y):a>", "URL rule '/x/<any(x y):a>' (column 4): Cannot parse converter"
                        + " argument 'x'"),
                Arguments.of("/a//<foo:b>", "URL rule '/a//<foo:b>' (column 4 of '/a/<foo:b>'): the converter"
                        + " 'foo' does not exist"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRules")
    void malformedRulesAreRejectedWithRuleAndColumn(String rule, String message) {
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class,
                () -> new UrlMap().add(RuleSpec.of(rule, "e")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void ruleSyntaxExceptionIsAnIllegalArgumentException() {
        assertInstanceOf(IllegalArgumentException.class, new RuleSyntaxException("x"));
    }

    // Werkzeug parse_converter_args; expected values printed by Python.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            about, help, "foo,bar"                        | [about, help, foo,bar] | {}
            min=1, max=10                                 | []                     | {min=1, max=10}
            True, False, None, 1, 1.5, word, 'q,x', u"uni" | [true, false, null, 1, 1.5, word, q,x, uni] | {}
            1x2, 1e5, 3.                                  | [1x2, 100000.0, 3.0]   | {}
            a=1, 2                                        | [2]                    | {a=1}
            ' '                                           | []                     | {}
            """)
    void converterArguments(String text, String args, String kwargs) {
        RuleParser.Args parsed = RuleParser.parseArgs(text.strip());
        assertEquals(args, parsed.args().toString());
        assertEquals(kwargs, parsed.kwargs().toString());
    }

    @Test
    void placeholdersSplitAndArgumentsInOrder() {
        Rule rule = new UrlMap().add(RuleSpec.of("/x/<a>-<int:b>/<any(\"a)b\"):c>/<path:rest>", "e"));
        assertEquals(List.of("a", "b", "c", "rest"), rule.arguments());
        assertEquals(Number.class, rule.converter("b").javaType());
        assertEquals(String.class, rule.converter("a").javaType());
        assertEquals("(?:\\Qa)b\\E)", rule.converter("c").regex());
        assertThrows(IllegalArgumentException.class, () -> rule.converter("zz"));
    }

    @Test
    void staticTextMayContainClosingAngleBracket() {
        // Werkzeug's static part is [^</]+, so "/x/<a>>" is a variable followed by the literal ">".
        UrlMap map = new UrlMap();
        map.add(RuleSpec.of("/x/<a>>", "e"));
        MatchResult.Matched m = assertInstanceOf(MatchResult.Matched.class, map.match("/x/q>", "GET"));
        assertEquals(Map.of("a", "q"), m.arguments());
    }

    // Werkzeug adds HEAD to GET; Flask adds OPTIONS unless listed or provide_automatic_options=False (§1.5).
    @ParameterizedTest(name = "{0} auto={1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''               | true  | GET,HEAD,OPTIONS | true
            POST             | true  | OPTIONS,POST     | true
            get,post         | true  | GET,HEAD,OPTIONS,POST | true
            GET,OPTIONS      | true  | GET,HEAD,OPTIONS | false
            PUT              | false | PUT              | false
            GET              | false | GET,HEAD         | false
            """)
    void methodSets(String methods, boolean auto, String expected, boolean automatic) {
        List<String> list = methods.isEmpty() ? List.of() : Arrays.asList(methods.split(","));
        Rule rule = new UrlMap().add(new RuleSpec("/r", "r", list, null, true, true, auto));
        assertEquals(expected, String.join(",", rule.methods()));
        assertEquals(automatic, rule.providesAutomaticOptions());
    }

    @Test
    void specDefaultsAndAccessors() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("b", 2);
        defaults.put("a", null);
        RuleSpec spec = new RuleSpec("/r/<x>", "r", null, defaults, false, false, true);
        assertEquals(List.of("GET"), spec.methods());
        assertEquals(List.of("b", "a"), List.copyOf(spec.defaults().keySet()));
        assertEquals(Map.of(), new RuleSpec("/r", "r", null, null, true, true, true).defaults());
        Rule rule = new UrlMap().add(spec);
        assertEquals("/r/<x>", rule.toString());
        assertEquals(false, rule.strictSlashes());
        assertEquals(false, rule.mergeSlashes());
        assertEquals("r", rule.endpoint());
    }

    @Test
    void rulesOfAnEndpointAndRegistrationOrder() {
        UrlMap map = new UrlMap();
        map.add(RuleSpec.of("/b", "x"));
        map.add(RuleSpec.of("/a", "y"));
        map.add(RuleSpec.of("/c/<i>", "x"));
        assertEquals("/b,/a,/c/<i>", map.rules().stream().map(Rule::rule).collect(Collectors.joining(",")));
        assertEquals("/b,/c/<i>", map.rules("x").stream().map(Rule::rule).collect(Collectors.joining(",")));
        assertEquals(List.of(), map.rules("none"));
    }
}
