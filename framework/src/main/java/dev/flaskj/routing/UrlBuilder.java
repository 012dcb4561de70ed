package dev.flaskj.routing;

import java.util.Map;

/** Stand-in until the routing package lands. */
public final class UrlBuilder {
    private final UrlMap map;

    public UrlBuilder(UrlMap map) {
        this.map = map;
    }

    public String urlFor(String endpoint, Map<String, ?> values, UrlContext ctx, boolean externalDefault) {
        for (Rule rule : map.rules()) {
            if (rule.endpoint().equals(endpoint)) {
                String path = rule.rule();
                for (Map.Entry<String, ?> e : values.entrySet()) {
                    path = path.replaceAll("<(\\w+:)?" + e.getKey() + ">", String.valueOf(e.getValue()));
                }
                String local = ctx.scriptRoot() + path;
                boolean external = Boolean.TRUE.equals(values.get("_external")) || externalDefault;
                return external ? ctx.scheme() + "://" + ctx.host() + local : local;
            }
        }
        throw new UrlBuildException("Could not build url for endpoint '" + endpoint + "'.");
    }
}
