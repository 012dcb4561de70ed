package dev.flaskj.http;

/** Stand-in until the http package lands. */
public final class Cookies {
    private Cookies() {}

    public static MultiDict<String> parse(String header) {
        MultiDict.Builder<String> b = MultiDict.builder();
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                b.add(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return b.build();
    }
}
