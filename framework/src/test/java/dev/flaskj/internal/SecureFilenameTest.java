package dev.flaskj.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every expectation was printed by Werkzeug 3.1.8's {@code secure_filename} (Windows: with os.name patched). */
class SecureFilenameTest {
    static Stream<Arguments> posix() {
        return Stream.of(
                Arguments.of("My cool movie.mov", "My_cool_movie.mov"),
                Arguments.of("../../../etc/passwd", "etc_passwd"),
                Arguments.of("../../etc/passwd", "etc_passwd"),
                Arguments.of("i contain cool \u00fcml\u00e4uts.txt", "i_contain_cool_umlauts.txt"),
                Arguments.of("  .hidden file ", "hidden_file"),
                Arguments.of("__init__.py", "init__.py"),
                Arguments.of("a/b\\c.txt", "a_bc.txt"),
                Arguments.of("CON.txt", "CON.txt"),
                Arguments.of("\u00c6\u00d8\u00c5.png", "A.png"),
                Arguments.of("\u65e5\u672c\u8a9e.txt", "txt"),
                Arguments.of("...", ""),
                Arguments.of("a..b", "a..b"),
                Arguments.of("x\u2014y.txt", "xy.txt"),
                Arguments.of("file\tname\nx", "file_name_x"),
                Arguments.of("a'b\"c<d>e|f?g*h:i.txt", "abcdefghi.txt"),
                Arguments.of("_.-abc-._", "-abc-"),
                Arguments.of("\ufb01le.txt", "file.txt"),
                Arguments.of("r\u00e9sum\u00e9 final (1).PDF", "resume_final_1.PDF"),
                Arguments.of("", ""),
                Arguments.of(".", ""),
                Arguments.of("  ", ""),
                Arguments.of("a\u001fb", "a_b"),  // Python's split() treats 0x1C-0x1F as whitespace
                Arguments.of("a\u001ab", "ab"),
                Arguments.of("a\u00a0b", "a_b"),  // NFKD turns NBSP into a space
                Arguments.of("x\u3000y", "x_y"),
                Arguments.of("a\u0085b", "ab"),
                Arguments.of("\u2168.txt", "IX.txt"),
                Arguments.of("COM\u00b9.txt", "COM1.txt"),
                Arguments.of("con", "con"),
                Arguments.of("-rf", "-rf"),
                Arguments.of("..\\..\\x", "x"),
                Arguments.of("C:\\Windows\\x.ini", "CWindowsx.ini"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("posix")
    void posixMatchesWerkzeug(String input, String expected) {
        assertEquals(expected, SafePaths.secureFilename(input, false));
    }

    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of("CON.txt", "_CON.txt"),
                Arguments.of("con", "_con"),
                Arguments.of("nul.tar.gz", "_nul.tar.gz"),
                Arguments.of("LPT1", "_LPT1"),
                Arguments.of("COM\u00b9.txt", "_COM1.txt"),
                Arguments.of("aux", "_aux"),
                Arguments.of("CONIN$", "CONIN"),      // '$' is removed before the device check
                Arguments.of("conout$.log", "conout.log"),
                Arguments.of("prn.", "_prn"),
                Arguments.of("COM0", "COM0"),
                Arguments.of("com9.x", "_com9.x"),
                Arguments.of("LPT10", "LPT10"),
                Arguments.of("a\\b.txt", "a_b.txt"),
                Arguments.of("..\\..\\x", "x"),
                Arguments.of("C:\\Windows\\x.ini", "C_Windows_x.ini"),
                Arguments.of("_CON", "_CON"),
                Arguments.of("CON_.txt", "CON_.txt"),
                Arguments.of(" con .txt", "con_.txt"),
                Arguments.of("My cool movie.mov", "My_cool_movie.mov"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("windows")
    void windowsMatchesWerkzeug(String input, String expected) {
        assertEquals(expected, SafePaths.secureFilename(input, true));
    }
}
