package dev.flaskj.routing;

/** Stand-in until the routing package lands. */
public record UrlContext(String scheme, String host, String scriptRoot) {}
