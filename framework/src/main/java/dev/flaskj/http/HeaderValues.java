package dev.flaskj.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list, dictionary and option grammars of HTTP header values, as Werkzeug 3.1's {@code parse_list_header},
 * {@code parse_dict_header}, {@code parse_options_header} and {@code dump_header} read and write them. Every
 * parser is one forward scan (no regular expressions), so a hostile header costs linear time, and none throws:
 * what cannot be read is skipped. Public for the framework's own request and response classes.
 */
public final class HeaderValues {
    private HeaderValues() {}

    /** Werkzeug's {@code \w} plus the RFC 9110 token punctuation, for parameter names and token values. */
    static boolean isParamChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || "!#$%&'*+-.^`|~".indexOf(c) >= 0;
    }

    /** RFC 9110 token characters (ASCII only): a value made only of them is written unquoted. */
    static boolean isTokenChar(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
    }

    /**
     * Comma-separated items; commas inside double quotes (with backslash escapes) do not split; each item is
     * stripped and unquoted, empty items are dropped; an unclosed quote makes the whole value an empty list.
     */
    public static List<String> parseList(String value) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean escape = false;
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (escape) {
                escape = false;
                item.append(c);
                continue;
            }
            if (quote) {
                if (c == '\\') {
                    escape = true;
                } else if (c == '"') {
                    quote = false;
                }
                item.append(c);
                continue;
            }
            if (c == ',') {
                items.add(item.toString());
                item.setLength(0);
                continue;
            }
            if (c == '"') {
                quote = true;
            }
            item.append(c);
        }
        if (quote) {
            return new ArrayList<>();
        }
        items.add(item.toString());
        List<String> out = new ArrayList<>(items.size());
        for (String it : items) {
            String s = it.strip();
            if (!s.isEmpty()) {
                out.add(unquote(s));
            }
        }
        return out;
    }

    /** Drops surrounding double quotes and the backslash before any character. */
    static String unquote(String value) {
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            String inner = value.substring(1, value.length() - 1);
            StringBuilder out = new StringBuilder(inner.length());
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    out.append(inner.charAt(++i));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        return value;
    }

    /**
     * {@code key=value} items of a list header; a key without {@code =} maps to null, an empty key is skipped,
     * a later duplicate replaces the value but keeps the first position.
     */
    static Map<String, String> parseDict(String value) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String item : parseList(value)) {
            int eq = item.indexOf('=');
            String key = (eq < 0 ? item : item.substring(0, eq)).strip();
            if (key.isEmpty()) {
                continue;
            }
            if (eq < 0) {
                result.put(key, null);
                continue;
            }
            result.put(key, unquote(item.substring(eq + 1).strip()));
        }
        return result;
    }

    /** The parameters of a {@code value; key=value} header such as Content-Type (null: none), names lower-case. */
    public static Map<String, String> optionParams(String header) {
        return parseOptions(header).params();
    }

    /** A value with {@code ; key=value} parameters: the value and the parameters, names lower-cased. */
    record Options(String value, Map<String, String> params) {}

    /** Werkzeug's {@code parse_options_header}: invalid parameter parts are skipped. */
    static Options parseOptions(String header) {
        if (header == null) {
            return new Options("", new LinkedHashMap<>());
        }
        int semi = header.indexOf(';');
        String value = (semi < 0 ? header : header.substring(0, semi)).strip();
        String rest = semi < 0 ? "" : header.substring(semi + 1).strip();
        Map<String, String> params = new LinkedHashMap<>();
        if (value.isEmpty() || rest.isEmpty()) {
            return new Options(value, params);
        }
        int pos = 0;
        int n = rest.length();
        // Once a quoted value runs to the end unclosed, every later one does too (they share the scan's tail).
        boolean unclosed = false;
        while (true) {
            int k = pos;
            while (k < n && isParamChar(rest.charAt(k))) {
                k++;
            }
            if (k > pos && k < n && rest.charAt(k) == '=') {
                String key = rest.substring(pos, k).toLowerCase(java.util.Locale.ROOT);
                pos = k + 1;
                int v = pos;
                while (v < n && isParamChar(rest.charAt(v))) {
                    v++;
                }
                if (v > pos) {
                    params.put(key, rest.substring(pos, v));
                } else if (pos < n && rest.charAt(pos) == '"' && !unclosed) {
                    int q = pos + 1;
                    boolean closed = false;
                    while (q < n) {
                        char c = rest.charAt(q);
                        if (c == '\\' && q + 1 < n && (rest.charAt(q + 1) == '\\' || rest.charAt(q + 1) == '"')) {
                            q += 2;
                        } else if (c == '"') {
                            String inner = rest.substring(pos + 1, q);
                            params.put(key, inner.replace("\\\\", "\\").replace("\\\"", "\"").replace("%22", "\""));
                            pos = q + 1;
                            closed = true;
                            break;
                        } else {
                            q++;
                        }
                    }
                    unclosed = !closed;
                }
            }
            int end = rest.indexOf(';', pos);
            if (end < 0) {
                break;
            }
            pos = end + 1;
            while (pos < n && Character.isWhitespace(rest.charAt(pos))) {
                pos++;
            }
        }
        return new Options(value, params);
    }

    /** Werkzeug's {@code quote_header_value}: tokens as they are, anything else quoted with escapes. */
    public static String quote(String value) {
        if (value.isEmpty()) {
            return "\"\"";
        }
        boolean token = true;
        for (int i = 0; i < value.length() && token; i++) {
            token = isTokenChar(value.charAt(i));
        }
        return token ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code value; key=quoted} (Werkzeug's {@code dump_options_header}). */
    static String dumpOptions(String value, Map<String, String> params) {
        StringBuilder out = new StringBuilder(value);
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() != null) {
                out.append("; ").append(e.getKey()).append('=')
                        .append(e.getKey().endsWith("*") ? e.getValue() : quote(e.getValue()));
            }
        }
        return out.toString();
    }

    /** {@code key=value, flag} (Werkzeug's {@code dump_header} of a dict). */
    static String dumpDict(Map<String, String> values) {
        List<String> items = new ArrayList<>(values.size());
        for (Map.Entry<String, String> e : values.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            items.add(v == null ? k : k.endsWith("*") ? k + "=" + v : k + "=" + quote(v));
        }
        return String.join(", ", items);
    }

    /** Items joined by {@code ", "}, each quoted where needed (Werkzeug's {@code HeaderSet.to_header}). */
    public static String dumpSet(Collection<String> values) {
        List<String> items = new ArrayList<>(values.size());
        for (String v : values) {
            items.add(quote(v));
        }
        return String.join(", ", items);
    }

    /** Python's {@code int(s)} for the plain forms a header carries: sign, ASCII digits, spaces around; else null. */
    static Long parseInt(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        int i = 0;
        if (!t.isEmpty() && (t.charAt(0) == '-' || t.charAt(0) == '+')) {
            i = 1;
        }
        if (i >= t.length() || t.length() - i > 18) {
            return null;
        }
        for (int j = i; j < t.length(); j++) {
            if (t.charAt(j) < '0' || t.charAt(j) > '9') {
                return null;
            }
        }
        return Long.parseLong(t);
    }
}
