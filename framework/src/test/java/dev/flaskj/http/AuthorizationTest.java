package dev.flaskj.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code Authorization} header, ported from Werkzeug's {@code tests/test_http.py}
 * ({@code TestHTTPUtility.test_authorization_header}, {@code test_authorization_ignore_invalid_parameters},
 * {@code test_authorization_token_padding}, {@code test_authorization_basic_incorrect_padding},
 * {@code test_bad_authorization_header_encoding}, {@code test_authorization_eq}), plus the lenient base64
 * rules of Python's decoder, checked against Werkzeug 3.1.8.
 */
class AuthorizationTest {
    @Test
    void authorizationHeader() {
        Authorization a = Authorization.parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertEquals("basic", a.type());
        assertEquals("Aladdin", a.username());
        assertEquals("open sesame", a.password());
        a = Authorization.parse("Basic 0YDRg9GB0YHQutC40IE60JHRg9C60LLRiw==");
        assertEquals("русскиЁ", a.username());
        assertEquals("Буквы", a.password());
        a = Authorization.parse("Basic 5pmu6YCa6K+dOuS4reaWhw==");
        assertEquals("普通话", a.username());
        assertEquals("中文", a.password());

        a = Authorization.parse("Digest username=\"Mufasa\", realm=\"testrealm@host.invalid\","
                + " nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth, nc=00000001,"
                + " cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\","
                + " opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        assertEquals("digest", a.type());
        assertEquals("Mufasa", a.username());
        assertEquals("testrealm@host.invalid", a.get("realm"));
        assertEquals("dcd98b7102dd2f0e8b11d0f600bfb0c093", a.get("nonce"));
        assertEquals("/dir/index.html", a.get("uri"));
        assertEquals("auth", a.get("qop"));
        assertEquals("00000001", a.get("nc"));
        assertEquals("0a4f113b", a.get("cnonce"));
        assertEquals("6629fae49393a05397450978507c4ef1", a.get("response"));
        assertEquals("5ccc069c403ebaf9f0171e9517f40e41", a.get("opaque"));
        assertNull(a.token());

        assertNull(Authorization.parse(""));
        assertNull(Authorization.parse(null));
        assertEquals("foo", Authorization.parse("foo").type());
    }

    @Test
    void ignoreInvalidParameters() {
        assertEquals("Digest foo, bar=\"\"", Authorization.parse("Digest foo, bar=, =qux, =").toHeader());
    }

    @Test
    void tokenPadding() {
        for (String plain : new String[] {"This has base64 padding", "This has base64 padding.."}) {
            String token = Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
            Authorization a = Authorization.parse("Token " + token);
            assertEquals("token", a.type());
            assertEquals(token, a.token());
        }
        Authorization bearer = Authorization.parse("Bearer abc");
        assertEquals("bearer", bearer.type());
        assertEquals("abc", bearer.token());
        assertEquals(Map.of(), bearer.parameters());
        assertEquals("", Authorization.parse("Bearer").token());
    }

    @Test
    void basicIncorrectPaddingAndBadEncodingAreNull() {
        assertNull(Authorization.parse("Basic foo"));
        String notUtf8 = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 's', 'e', 'r', ':', 'p'});
        assertNull(Authorization.parse("Basic " + notUtf8));
        // Werkzeug 3.1.8 decodes Basic credentials as UTF-8 only: Latin-1 bytes ("ü:ß") are unreadable.
        assertNull(Authorization.parse("Basic /Drf"));
        assertNull(Authorization.parse("Basic dXNlcjpwYXN"), "one data character too many");
        assertNull(Authorization.parse("Basic dXNlcjpwYXNzé"), "non-ASCII is refused before decoding");
    }

    @Test
    void pythonsLenientBase64() {
        // Each expectation is Authorization.from_header(...) in Werkzeug 3.1.8.
        assertEquals("user", Authorization.parse("Basic !!dXNlcjpwYXNz").username(), "junk skipped");
        assertEquals("pass", Authorization.parse("Basic dXNl cjpw YXNz").password(), "spaces skipped");
        assertEquals("pass", Authorization.parse("basic  dXNlcjpwYXNz  ").password(), "scheme any case");
        assertEquals("", Authorization.parse("Basic dXNlcg==").password(), "no colon: empty password");
        assertEquals("data", Authorization.parse("Basic ZGF0YQ==ZGF0YQ==").username(), "stops at padding");
        assertEquals("", Authorization.parse("Basic").username());
    }

    @Test
    void equality() {
        Authorization basic1 = Authorization.parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        Authorization basic2 = new Authorization("basic", Map.of("username", "Aladdin", "password", "open sesame"),
                null);
        assertEquals(basic1, basic2);
        assertEquals(Authorization.parse("Bearer abc"), new Authorization("bearer", null, "abc"));
        assertNotEquals(basic1, Authorization.parse("Bearer abc"));
        assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", basic1.toHeader());
    }

    @Test
    void hostileHeadersAreLinear() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Authorization.parse("Basic " + "=".repeat(1_000_000));
            Authorization.parse("Digest " + "a=\"".repeat(200_000));
            Authorization.parse("Digest " + "\\".repeat(1_000_000));
            Authorization.parse("Digest " + "a=b,".repeat(200_000));
        });
    }
}
