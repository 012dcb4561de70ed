package dev.flaskj.http;

import dev.flaskj.internal.PercentEncoding;

/** Stand-in until the http package lands. */
public final class UrlEncoded {
    private UrlEncoded() {}

    public static MultiDict<String> parse(String text) {
        MultiDict.Builder<String> b = MultiDict.builder();
        if (text == null || text.isEmpty()) {
            return b.build();
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            b.add(PercentEncoding.decode(k, true), PercentEncoding.decode(v, true));
        }
        return b.build();
    }
}
