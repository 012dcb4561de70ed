package dev.flaskj.internal;

/**
 * A value that is already safe HTML: MarkupSafe's {@code __html__} protocol. {@code dev.flaskj.Markup} implements
 * it, so lower layers (JSON, tagged session JSON, escaping) can recognise markup without depending on it.
 */
public interface HtmlSafe {
    /** The HTML text, inserted without escaping. */
    String html();
}
