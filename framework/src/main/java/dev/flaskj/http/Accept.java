package dev.flaskj.http;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code Accept}, {@code Accept-Language}, {@code Accept-Charset} or {@code Accept-Encoding} header
 * (Werkzeug: {@code MIMEAccept}, {@code LanguageAccept}, {@code CharsetAccept}, {@code Accept}).
 *
 * <pre>{@code
 * String type = request().acceptMimetypes().bestMatch("application/json", "text/html");  // or null
 * double q = request().acceptLanguages().quality("de");                                  // 0 when not accepted
 * }</pre>
 * Entries are sorted by specificity (a wildcard after a concrete value; for media types per part), then by
 * quality, both descending; equal entries keep the client's order. An entry with a malformed or out-of-range
 * {@code q} is dropped, as is anything unreadable: parsing never fails. Immutable.
 */
public final class Accept {
    /** How values of one header compare. */
    enum Kind { PLAIN, MIME, LANGUAGE, CHARSET }

    /** One accepted value and its quality (0 to 1). */
    public record Entry(String value, double quality) {}

    private final Kind kind;
    private final List<Entry> entries;
    private final boolean provided;

    private Accept(Kind kind, List<Entry> values, boolean provided) {
        this.kind = kind;
        List<Entry> sorted = new ArrayList<>(values);
        // A stable sort, descending, so equal entries keep the client's order (Werkzeug sorts with reverse=True,
        // which Python also keeps stable).
        Comparator<Entry> bySpecificity = (a, b) -> compareSpecificity(specificity(a.value()), specificity(b.value()));
        sorted.sort(bySpecificity.thenComparingDouble(Entry::quality).reversed());
        this.entries = Collections.unmodifiableList(sorted);
        this.provided = provided;
    }

    /** The {@code Accept} header (media types; parameters take part in matching). */
    public static Accept mimetypes(String header) {
        return parse(header, Kind.MIME);
    }

    /** The {@code Accept-Language} header ({@code en_US} matches {@code en-us}; best match falls back to primary tags). */
    public static Accept languages(String header) {
        return parse(header, Kind.LANGUAGE);
    }

    /** The {@code Accept-Charset} header (names compare through their canonical charset, {@code utf8} = {@code UTF-8}). */
    public static Accept charsets(String header) {
        return parse(header, Kind.CHARSET);
    }

    /** A header of plain, case-insensitive values such as {@code Accept-Encoding}. */
    public static Accept plain(String header) {
        return parse(header, Kind.PLAIN);
    }

    static Accept parse(String header, Kind kind) {
        if (header == null || header.isEmpty()) {
            return new Accept(kind, List.of(), false);
        }
        List<Entry> result = new ArrayList<>();
        for (String item : HeaderValues.parseList(header)) {
            HeaderValues.Options opts = HeaderValues.parseOptions(item);
            Map<String, String> params = opts.params();
            double q = 1;
            if (params.containsKey("q")) {
                String qs = params.remove("q").strip();
                if (!isQValue(qs)) {
                    continue;
                }
                q = Double.parseDouble(qs);
                if (q < 0 || q > 1) {
                    continue;
                }
            }
            String value = params.isEmpty() ? opts.value() : HeaderValues.dumpOptions(opts.value(), params);
            result.add(new Entry(value, q));
        }
        return new Accept(kind, result, true);
    }

    // -?\d+(\.\d+)? , scanned.
    private static boolean isQValue(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        int digits = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 0x80) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i) != '.') {
            return false;
        }
        i++;
        int frac = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            frac++;
        }
        return frac > 0 && i == s.length();
    }

    /** Whether the client sent the header at all (an absent header accepts nothing, yet is not "provided"). */
    public boolean isProvided() {
        return provided;
    }

    /** The entries, best first. */
    public List<Entry> entries() {
        return entries;
    }

    /** The values, best first. */
    public List<String> values() {
        return entries.stream().map(Entry::value).toList();
    }

    /** Whether the header has no entries. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The client's most preferred value, or null. */
    public String best() {
        return entries.isEmpty() ? null : entries.get(0).value();
    }

    /** The quality the client gives {@code value} (the first matching entry, wildcards included), or 0. */
    public double quality(String value) {
        for (Entry e : entries) {
            if (matches(value, e.value())) {
                return e.quality();
            }
        }
        return 0;
    }

    /** Whether some entry matches {@code value}, whatever its quality. */
    public boolean contains(String value) {
        for (Entry e : entries) {
            if (matches(value, e.value())) {
                return true;
            }
        }
        return false;
    }

    /** For {@code Accept}: whether {@code text/html} or XHTML is accepted. */
    public boolean acceptHtml() {
        return contains("text/html") || acceptXhtml();
    }

    /** For {@code Accept}: whether {@code application/xhtml+xml} or {@code application/xml} is accepted. */
    public boolean acceptXhtml() {
        return contains("application/xhtml+xml") || contains("application/xml");
    }

    /** For {@code Accept}: whether {@code application/json} is accepted. */
    public boolean acceptJson() {
        return contains("application/json");
    }

    /**
     * The server value the client prefers most, or null when none is acceptable: highest quality first; at
     * equal quality the one matched by the more specific client entry; then the one listed first. For
     * languages, when nothing matches exactly, the client's primary tags are tried ({@code en-US} accepts
     * {@code en}), then the server's ({@code en} accepts {@code en-US}, returned as listed).
     *
     * @throws IllegalArgumentException for a media type without {@code /} or like {@code *}{@code /html}
     */
    public String bestMatch(String... serverValues) {
        return bestMatchOr(null, serverValues);
    }

    /** {@link #bestMatch(String...)} with {@code defaultValue} instead of null. */
    public String bestMatchOr(String defaultValue, String... serverValues) {
        List<String> matches = Arrays.asList(serverValues);
        if (kind != Kind.LANGUAGE) {
            return bestMatch(matches, defaultValue);
        }
        String result = bestMatch(matches, null);
        if (result != null) {
            return result;
        }
        List<Entry> primary = new ArrayList<>();
        for (Entry e : entries) {
            primary.add(new Entry(primaryTag(e.value()), e.quality()));
        }
        result = new Accept(Kind.PLAIN, primary, true).bestMatch(matches, null);
        if (result != null) {
            return result;
        }
        List<String> primaryMatches = matches.stream().map(Accept::primaryTag).toList();
        result = bestMatch(primaryMatches, null);
        if (result != null) {
            for (String m : matches) {
                if (m.startsWith(result)) {
                    return m;
                }
            }
        }
        return defaultValue;
    }

    private String bestMatch(List<String> matches, String defaultValue) {
        String result = defaultValue;
        double bestQuality = -1;
        boolean[] bestSpecificity = {false};
        boolean first = true;
        for (String server : matches) {
            Entry match = null;
            for (Entry e : entries) {
                if (matches(server, e.value())) {
                    match = e;
                    break;
                }
            }
            if (match == null) {
                continue;
            }
            boolean[] specificity = specificity(match.value());
            double q = match.quality();
            if (q <= 0 || q < bestQuality) {
                continue;
            }
            if (q > bestQuality || first || compareSpecificity(specificity, bestSpecificity) > 0) {
                result = server;
                bestQuality = q;
                bestSpecificity = specificity;
                first = false;
            }
        }
        return result;
    }

    private static String primaryTag(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == '-' || c == '_') {
                return tag.substring(0, i);
            }
        }
        return tag;
    }

    // ------------------------------------------------------------------ the per-header rules

    private boolean[] specificity(String value) {
        if (kind != Kind.MIME) {
            return new boolean[] {!value.equals("*")};
        }
        List<String> parts = splitMime(value, false);
        boolean[] s = new boolean[parts.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = !parts.get(i).equals("*");
        }
        return s;
    }

    // Python compares tuples element by element, a shorter prefix being smaller.
    private static int compareSpecificity(boolean[] a, boolean[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return a[i] ? 1 : -1;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private boolean matches(String value, String item) {
        switch (kind) {
            case MIME:
                return mimeMatches(value, item);
            case LANGUAGE:
                return item.equals("*") || splitLang(value).equals(splitLang(item));
            case CHARSET:
                return item.equals("*") || normalizeCharset(value).equals(normalizeCharset(item));
            default:
                return item.equals("*") || item.equalsIgnoreCase(value);
        }
    }

    private static boolean mimeMatches(String value, String item) {
        if (item.indexOf('/') < 0) {
            return false; // a client's malformed entry matches nothing
        }
        if (value.indexOf('/') < 0) {
            throw new IllegalArgumentException("invalid mimetype '" + value + "'");
        }
        List<String> v = splitMime(value, true);
        if (v.size() < 2) {
            throw new IllegalArgumentException("invalid mimetype '" + value + "'");
        }
        String vType = v.get(0);
        String vSub = v.get(1);
        if (vType.equals("*") && !vSub.equals("*")) {
            throw new IllegalArgumentException("invalid mimetype '" + value + "'");
        }
        List<String> it = splitMime(item, true);
        if (it.size() < 2) {
            return false;
        }
        String iType = it.get(0);
        String iSub = it.get(1);
        if (iType.equals("*") && !iSub.equals("*")) {
            return false;
        }
        if ((iType.equals("*") && iSub.equals("*")) || (vType.equals("*") && vSub.equals("*"))) {
            return true;
        }
        if (!iType.equals(vType)) {
            return false;
        }
        if (iSub.equals("*") || vSub.equals("*")) {
            return true;
        }
        List<String> vParams = new ArrayList<>(v.subList(2, v.size()));
        List<String> iParams = new ArrayList<>(it.subList(2, it.size()));
        Collections.sort(vParams);
        Collections.sort(iParams);
        return iSub.equals(vSub) && iParams.equals(vParams);
    }

    /** Splits at {@code /} and at {@code ;} with the spaces around it (Werkzeug's {@code _mime_split_re}). */
    private static List<String> splitMime(String value, boolean lower) {
        String s = lower ? value.toLowerCase(Locale.ROOT) : value;
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/') {
                parts.add(s.substring(start, i));
                start = ++i;
            } else if (Character.isWhitespace(c) || c == ';') {
                int j = i;
                while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == ';') {
                    j++;
                    while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                        j++;
                    }
                    parts.add(s.substring(start, i));
                    start = i = j;
                } else {
                    i = j; // spaces not followed by ';' stay part of the value
                }
            } else {
                i++;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static List<String> splitLang(String value) {
        String s = value.toLowerCase(Locale.ROOT);
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '_') {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static String normalizeCharset(String name) {
        try {
            return Charset.forName(name).name();
        } catch (RuntimeException e) {
            // Unknown or illegal names compare as themselves, case-insensitively.
            return name.toLowerCase(Locale.ROOT);
        }
    }

    /** The header again: {@code value;q=0.5}, comma-separated, best first (Werkzeug's {@code to_header}). */
    public String toHeader() {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.quality() == 1 ? e.value() : e.value() + ";q=" + pyFloat(e.quality()));
        }
        return String.join(",", out);
    }

    private static String pyFloat(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) + ".0" : Double.toString(d);
    }

    @Override
    public String toString() {
        return toHeader();
    }
}
