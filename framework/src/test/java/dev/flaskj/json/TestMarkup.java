package dev.flaskj.json;

import dev.flaskj.internal.HtmlSafe;

/** A stand-in for flaskj's Markup in these lower-layer tests. */
public record TestMarkup(String html) implements HtmlSafe {}
