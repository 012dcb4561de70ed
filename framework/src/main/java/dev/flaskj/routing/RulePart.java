package dev.flaskj.routing;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One slash-separated part of a compiled rule: literal text, or one precompiled regex for the whole part.
 *
 * <p>Werkzeug 3.x: {@code rules.py RulePart}. A dynamic part that contains a slash-matching converter (path) is
 * <em>final</em>: it is matched against the rest of the path. A final part written with a trailing slash is
 * <em>suffixed</em>: its regex ends in an optional-slash group so a missing slash can be redirected
 * (Werkzeug: strict slashes, {@code /dir} redirects to {@code /dir/} with 308).
 */
final class RulePart {
    private final String text;
    private final Pattern pattern;
    private final boolean isFinal;
    private final boolean suffixed;
    private final Weight weight;
    private final int[] groups;
    private final int suffixGroup;

    private RulePart(String text, Pattern pattern, boolean[] flags, Weight weight, int[] groups) {
        this.text = text;
        this.pattern = pattern;
        this.isFinal = flags[0];
        this.suffixed = flags[1];
        this.weight = weight;
        this.groups = groups;
        this.suffixGroup = flags[1] && pattern != null ? pattern.matcher("").groupCount() : -1;
    }

    /** A literal part that must equal the request segment. */
    static RulePart literal(String text) {
        return new RulePart(text, null, new boolean[2], Weight.NONE, new int[0]);
    }

    /**
     * A regex part; {@code groups} are the capturing-group numbers of its converters, in order. Python's {@code .}
     * excludes only {@code \n} and its {@code \d}/{@code \w} are Unicode-aware, hence the flags.
     */
    static RulePart dynamic(String regex, boolean isFinal, boolean suffixed, Weight weight, int[] groups) {
        Pattern pattern = Pattern.compile(regex, Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);
        return new RulePart(regex, pattern, new boolean[] {isFinal, suffixed}, weight, groups.clone());
    }

    boolean isStatic() {
        return pattern == null;
    }

    /** The literal text, or the regex source of a dynamic part. */
    String text() {
        return text;
    }

    Pattern pattern() {
        return pattern;
    }

    boolean isFinal() {
        return isFinal;
    }

    boolean suffixed() {
        return suffixed;
    }

    Weight weight() {
        return weight;
    }

    int converterCount() {
        return groups.length;
    }

    int group(int converterIndex) {
        return groups[converterIndex];
    }

    int suffixGroup() {
        return suffixGroup;
    }

    /** Whether two dynamic parts can share one trie edge (Werkzeug compares the RulePart dataclasses). */
    boolean sameEdge(RulePart o) {
        return !isStatic() && !o.isStatic() && text.equals(o.text) && isFinal == o.isFinal
                && suffixed == o.suffixed && weight.equals(o.weight) && Arrays.equals(groups, o.groups);
    }

    @Override
    public String toString() {
        return isStatic() ? "'" + text + "'" : "/" + text + "/";
    }
}
