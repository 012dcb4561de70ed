package dev.flaskj.cli;

import dev.flaskj.routing.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table {@code flask routes} prints (Flask 3.x: {@code flask.cli.routes_command}): columns Endpoint, Methods
 * and Rule, each padded to its longest cell (the last one too), two spaces apart, under a dashed row.
 * <pre>{@code
 * RouteTable.format(app.urlMap().rules(), RouteTable.Sort.ENDPOINT, false).forEach(System.out::println);
 * }</pre>
 * flaskj has no host or subdomain matching, so the optional Host/Subdomain column never appears.
 */
public final class RouteTable {
    /** Flask's message when the map is empty. */
    public static final String NO_ROUTES = "No routes were registered.";

    /** The {@code --sort} choices. */
    public enum Sort {
        /** By endpoint name (the default). */
        ENDPOINT,
        /** By the joined methods string, as displayed. */
        METHODS,
        /** By rule string. */
        RULE,
        /** In matching order: rules grouped by endpoint, endpoints in first-registration order. */
        MATCH;

        /**
         * The choice named {@code name}, case-insensitive. Flask also accepts {@code domain}, which without a
         * domain column leaves the match order; so does this.
         *
         * @throws IllegalArgumentException naming the valid choices
         */
        public static Sort parse(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals("domain")) {
                return MATCH;
            }
            for (Sort s : values()) {
                if (s.name().toLowerCase(Locale.ROOT).equals(n)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("Invalid value for '--sort' / '-s': '" + name
                    + "' is not one of 'endpoint', 'methods', 'domain', 'rule', 'match'.");
        }
    }

    private RouteTable() {}

    /**
     * The lines to print for {@code rules} (in registration order, as {@code UrlMap.rules()} gives them).
     * HEAD and OPTIONS are hidden unless {@code allMethods}.
     */
    public static List<String> format(List<Rule> rules, Sort sort, boolean allMethods) {
        if (rules.isEmpty()) {
            return List.of(NO_ROUTES);
        }
        List<String[]> rows = new ArrayList<>();
        for (Rule rule : matchOrder(rules)) {
            rows.add(new String[] {rule.endpoint(), methods(rule, allMethods), rule.rule()});
        }
        if (sort != Sort.MATCH) {
            int column = sort == Sort.ENDPOINT ? 0 : sort == Sort.METHODS ? 1 : 2;
            // List.sort is stable, like Python's sort: ties keep the match order.
            rows.sort(Comparator.comparing(row -> row[column]));
        }
        rows.add(0, new String[] {"Endpoint", "Methods", "Rule"});
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                widths[i] = Math.max(widths[i], length(row[i]));
            }
        }
        rows.add(1, new String[] {"-".repeat(widths[0]), "-".repeat(widths[1]), "-".repeat(widths[2])});
        List<String> lines = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            lines.add(pad(row[0], widths[0]) + "  " + pad(row[1], widths[1]) + "  " + pad(row[2], widths[2]));
        }
        return lines;
    }

    /** Werkzeug 3.x iterates its rules grouped by endpoint, endpoints in the order they were first added. */
    private static List<Rule> matchOrder(List<Rule> rules) {
        Map<String, List<Rule>> byEndpoint = new LinkedHashMap<>();
        for (Rule r : rules) {
            byEndpoint.computeIfAbsent(r.endpoint(), k -> new ArrayList<>()).add(r);
        }
        List<Rule> ordered = new ArrayList<>(rules.size());
        byEndpoint.values().forEach(ordered::addAll);
        return ordered;
    }

    private static String methods(Rule rule, boolean allMethods) {
        Set<String> shown = new TreeSet<>(rule.methods());
        if (!allMethods) {
            shown.remove("HEAD");
            shown.remove("OPTIONS");
        }
        return String.join(", ", shown);
    }

    /** Python's len() counts code points, and so must the padding. */
    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - length(s));
    }
}
