package dev.flaskj.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expectations printed by Werkzeug 3.1.8's {@code safe_join}, except the rows marked stricter. */
class SafeJoinTest {
    private static Optional<String> expected(String s) {
        return s == null ? Optional.empty() : Optional.of(s);
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", emptyValue = "", textBlock = """
            /srv/static  | a//b             | /srv/static/a/b
            /srv/static  | a/./b            | /srv/static/a/b
            /srv/static  | a/../../b        | none
            /srv/static  | /etc/passwd      | none
            /srv/static  | ..               | none
            /srv/static  | ../x             | none
            /srv/static  | sub/../style.css | /srv/static/style.css
            /srv/static  | ''               | /srv/static
            /srv/static  | .                | /srv/static/.
            /srv/static/ | x                | /srv/static/x
            ''           | x                | ./x
            /srv         | //x              | none
            /srv         | ///x             | none
            /srv         | x/               | /srv/x
            /srv         | x/..             | /srv/.
            /srv         | x/../..          | none
            /srv         | ./../x           | none
            /srv         | a/b/../../c      | /srv/c
            /srv         | CON              | /srv/CON
            /srv         | ...              | /srv/...
            /srv         | ..a              | /srv/..a
            srv          | x                | srv/x
            """)
    void posixMatchesWerkzeug(String directory, String path, String want) {
        assertEquals(expected(want), SafePaths.safeJoin(directory, path, false));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            /srv | CON           | none
            /srv | con.txt       | none
            /srv | sub/aux       | none
            /srv | sub/ nul .x/y | none
            /srv | C:/x          | none
            /srv | x/COM\u00b9   | none
            /srv | conin$        | none
            /srv | a/LPT9.gz     | none
            /srv | ok.txt        | /srv/ok.txt
            /srv | COM0/x.txt    | /srv/COM0/x.txt
            """)
    void windowsMatchesWerkzeug(String directory, String path, String want) {
        assertEquals(expected(want), SafePaths.safeJoin(directory, path, true));
    }

    @ParameterizedTest(name = "{0} refused (stricter than Werkzeug)")
    @CsvSource(delimiter = '|', textBlock = """
            a\\b
            ..\\..\\etc\\passwd
            a\u0000b
            """)
    void backslashAndNulAreRefusedEverywhere(String path) {
        assertEquals(Optional.empty(), SafePaths.safeJoin("/srv", path, false));
        assertEquals(Optional.empty(), SafePaths.safeJoin("/srv", path, true));
    }

    @ParameterizedTest(name = "{0} refused on Windows (stricter than Werkzeug)")
    @CsvSource(textBlock = """
            C:x
            file.txt:stream
            """)
    void colonIsRefusedOnWindows(String path) {
        assertEquals(Optional.empty(), SafePaths.safeJoin("/srv", path, true));
        assertEquals(Optional.of("/srv/" + path), SafePaths.safeJoin("/srv", path, false));
    }

    @ParameterizedTest(name = "normpath({0}) = {1}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''        | .
            /         | /
            //        | //
            ///a      | /a
            //a/../.. | //
            a/../..   | ..
            ../../a   | ../../a
            /../a     | /a
            a/./b/    | a/b
            """)
    void normpathMatchesPython(String path, String want) {
        assertEquals(want, SafePaths.normpath(path));
    }
}
