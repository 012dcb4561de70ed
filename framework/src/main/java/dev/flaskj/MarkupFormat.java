package dev.flaskj;

/**
 * The placeholder parser behind {@link Markup#format}: Python's {@code str.format} field syntax reduced to
 * {@code {}}, {@code {N}}, {@code {{} and {@code }}}, with every argument escaped unless it is already safe.
 */
final class MarkupFormat {
    private MarkupFormat() {}

    static String format(String template, Object[] args) {
        StringBuilder out = new StringBuilder(template.length() + 16 * args.length);
        int auto = 0;
        boolean usedAuto = false;
        boolean usedIndex = false;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                if (i + 1 < template.length() && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw new IllegalArgumentException("Single '}' encountered in format string at " + i);
            }
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
                continue;
            }
            int close = template.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException("Single '{' encountered in format string at " + i);
            }
            String field = template.substring(i + 1, close);
            int index;
            if (field.isEmpty()) {
                usedAuto = true;
                index = auto++;
            } else if (field.chars().allMatch(ch -> ch >= '0' && ch <= '9') && field.length() < 10) {
                usedIndex = true;
                index = Integer.parseInt(field);
            } else {
                throw new IllegalArgumentException("Unsupported format field '{" + field + "}': use {} or {0}");
            }
            if (usedAuto && usedIndex) {
                // Python: "cannot switch from automatic field numbering to manual field specification"
                throw new IllegalArgumentException("cannot mix {} and {N} fields in one format string");
            }
            if (index >= args.length) {
                throw new IllegalArgumentException("Replacement index " + index + " out of range for "
                        + args.length + " argument(s)");
            }
            out.append(Markup.escape(args[index]).html());
            i = close + 1;
        }
        return out.toString();
    }
}
