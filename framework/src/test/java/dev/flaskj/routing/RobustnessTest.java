package dev.flaskj.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile or malformed request paths never make {@link UrlMap#match} throw, and stay fast. */
class RobustnessTest {
    static final UrlMap MAP = MatcherTest.sampleMap();

    static Stream<String> hostilePaths() {
        String big = "a".repeat(64 * 1024);
        return Stream.of("", "/", "//", "///", "\u0000", "/\u0000", "/user/\u0000", "/\ufffd", "/user/\ufffd\ufffd",
                "%", "/%", "/%zz", "/%2", "/user/%", "/" + big, "/user/" + big, "/path/" + big,
                "/" + "a/".repeat(32 * 1024), "/".repeat(64 * 1024), "/p/" + "x/".repeat(20_000) + "edit",
                "/ed/" + "x/".repeat(20_000) + "edit", "/post/" + "9".repeat(60_000), "/f/" + "1".repeat(30_000) + ".5",
                "/pd/" + "//".repeat(10_000), "/user//" + big, "\ud800", "/user/\udfff\ud800", "/t/\n", "/path/a\nb",
                "/any/foo,bar\u0000", "no-leading-slash", "?", "#", "/user/<username>");
    }

    @ParameterizedTest(name = "#{index}")
    @MethodSource("hostilePaths")
    void neverThrows(String path) {
        for (String method : new String[] {"GET", "POST", "FOO", "", "\u0000"}) {
            MatchResult r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> MAP.match(path, method));
            assertNotNull(r);
            assertNotNull(MAP.allowedMethods(path));
        }
    }

    @Test
    void nullArgumentsAreTreatedAsEmpty() {
        assertInstanceOf(MatchResult.Redirect.class, MAP.match(null, "GET")); // "" → 308 "/" as Werkzeug
        assertEquals("404", MatcherTest.describe(MAP.match("/missing", null)));
    }

    @Test
    void newlineIsNotMatchedByPathConverter() {
        // Python's "." does not match "\n", so /path/a\nb is a 404 in Werkzeug too.
        assertEquals("404", MatcherTest.describe(MAP.match("/path/a\nb", "GET")));
        assertEquals("user username=a\nb", MatcherTest.describe(MAP.match("/user/a\nb", "GET")));
    }

    @Test
    void hugeNumbersAreNotFoundInsteadOfSlow() {
        assertEquals("404", MatcherTest.describe(MAP.match("/post/" + "9".repeat(60_000), "GET")));
    }
}
