package dev.flaskj.http;

import dev.flaskj.exceptions.RequestEntityTooLarge;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Stand-in until the http package lands. */
public final class FormParser {
    private FormParser() {}

    public static ParsedForm parse(HttpServletRequest req, FormLimits limits) {
        String ct = req.getContentType();
        if (ct == null || !ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return ParsedForm.empty();
        }
        return new ParsedForm(UrlEncoded.parse(new String(readBody(req, limits.maxContentLength()),
                StandardCharsets.UTF_8)));
    }

    public static byte[] readBody(HttpServletRequest req, Long maxContentLength) {
        try {
            byte[] b = req.getInputStream().readAllBytes();
            if (maxContentLength != null && b.length > maxContentLength) {
                throw new RequestEntityTooLarge();
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
