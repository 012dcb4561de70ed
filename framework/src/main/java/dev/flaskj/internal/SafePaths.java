package dev.flaskj.internal;

import java.io.File;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * File names and paths from untrusted input: Werkzeug's {@code secure_filename} and {@code safe_join}.
 *
 * <p>Werkzeug: {@code werkzeug.utils.secure_filename} and {@code werkzeug.security.safe_join} (3.1), as Flask's
 * {@code send_from_directory} and upload handling use them. Both depend on the OS as Werkzeug's do (Windows
 * separators and device names); the overloads taking {@code windows} make that explicit for tests.
 * <pre>{@code
 * SafePaths.secureFilename("../../etc/passwd");          // "etc_passwd"
 * SafePaths.safeJoin("/srv/static", "css/site.css");     // Optional["/srv/static/css/site.css"]
 * SafePaths.safeJoin("/srv/static", "../secret");        // Optional.empty() -> 404
 * }</pre>
 */
public final class SafePaths {
    private static final boolean WINDOWS = File.separatorChar == '\\';

    // Werkzeug 3.1.5+: _windows_device_files, after https://chrisdenton.github.io/omnipath/Special%20Dos%20Device%20Names.html
    private static final Set<String> WINDOWS_DEVICES = Set.of("AUX", "CON", "CONIN$", "CONOUT$", "NUL", "PRN",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00b9", "COM\u00b2", "COM\u00b3",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00b9", "LPT\u00b2", "LPT\u00b3");

    private SafePaths() {}

    /** {@link #secureFilename(String, boolean)} for the OS this JVM runs on. */
    public static String secureFilename(String filename) {
        return secureFilename(filename, WINDOWS);
    }

    /** {@code text} without its characters beyond ASCII (one pass; file names come from requests). */
    public static String asciiOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x80) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    /**
     * A file name safe to store, made of ASCII letters, digits, {@code _ . -} only; it may be empty, and the
     * caller must then pick a name itself.
     *
     * <p>Werkzeug's steps: NFKD-normalise and drop what is not ASCII; turn path
     * separators ({@code /}, and {@code \} on Windows) into spaces; split on whitespace and join with {@code _};
     * delete every other character; strip {@code .} and {@code _} from both ends; on Windows prefix {@code _}
     * when the part before the first dot is a device name ({@code CON}, {@code NUL}, {@code COM1}...).
     */
    public static String secureFilename(String filename, boolean windows) {
        String ascii = asciiOnly(Normalizer.normalize(filename, Normalizer.Form.NFKD));
        ascii = ascii.replace('/', ' ');
        if (windows) {
            ascii = ascii.replace('\\', ' ');
        }
        String joined = String.join("_", splitPythonWhitespace(ascii));
        StringBuilder kept = new StringBuilder(joined.length());
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                    || c == '-') {
                kept.append(c);
            }
        }
        String stripped = strip(kept.toString(), "._");
        if (windows && !stripped.isEmpty()) {
            int dot = stripped.indexOf('.');
            String stem = (dot < 0 ? stripped : stripped.substring(0, dot)).toUpperCase(Locale.ROOT);
            if (WINDOWS_DEVICES.contains(stem)) {
                return "_" + stripped;
            }
        }
        return stripped;
    }

    /** {@link #safeJoin(String, String, boolean)} for the OS this JVM runs on. */
    public static Optional<String> safeJoin(String directory, String untrustedPath) {
        return safeJoin(directory, untrustedPath, WINDOWS);
    }

    /**
     * {@code directory} joined with the POSIX-normalised {@code untrustedPath}, or empty when the path would
     * leave the directory (Flask answers 404).
     *
     * <p>As Werkzeug's {@code safe_join} (verified against 3.1.8): an empty path gives the directory and an
     * empty directory means {@code "."}; after {@code posixpath.normpath} the path is refused when it is
     * absolute, is {@code ..} or starts with {@code ../}; {@code a//b} and {@code a/./b} become {@code a/b},
     * {@code sub/../x} stays inside. On Windows a segment naming a device ({@code CON}, {@code aux.txt},
     * {@code sub/ nul .x}) is refused. Stricter than Werkzeug, because a Java app can be moved between OSes:
     * a backslash or a NUL is refused everywhere, and on Windows so is any {@code :} (drive letters, alternate
     * data streams). The result is a string; the caller still checks that it names a regular file.
     */
    public static Optional<String> safeJoin(String directory, String untrustedPath, boolean windows) {
        String base = directory == null || directory.isEmpty() ? "." : directory;
        if (untrustedPath == null || untrustedPath.isEmpty()) {
            return Optional.of(base);
        }
        if (untrustedPath.indexOf('\\') >= 0 || untrustedPath.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String part = normpath(untrustedPath);
        if (part.startsWith("/") || part.equals("..") || part.startsWith("../")) {
            return Optional.empty();
        }
        if (windows && (part.indexOf(':') >= 0 || hasDeviceSegment(part))) {
            return Optional.empty();
        }
        return Optional.of(base.endsWith("/") ? base + part : base + "/" + part);
    }

    private static boolean hasDeviceSegment(String part) {
        for (String segment : part.split("/")) {
            int dot = segment.indexOf('.');
            String stem = (dot < 0 ? segment : segment.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
            if (WINDOWS_DEVICES.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    /** Python's {@code posixpath.normpath}: no empty or {@code .} segments, {@code ..} resolved lexically. */
    static String normpath(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        // POSIX keeps exactly two leading slashes (implementation-defined); one or three and more become one.
        int slashes = !path.startsWith("/") ? 0 : path.startsWith("//") && !path.startsWith("///") ? 2 : 1;
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            boolean canPop = !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..");
            if (!segment.equals("..") || (slashes == 0 && parts.isEmpty()) || (!parts.isEmpty() && !canPop)) {
                parts.add(segment);
            } else if (canPop) {
                parts.remove(parts.size() - 1);
            }
        }
        String result = "/".repeat(slashes) + String.join("/", parts);
        return result.isEmpty() ? "." : result;
    }

    /** Python's {@code str.split()} on ASCII text: runs of whitespace (including 0x1C-0x1F) separate words. */
    private static List<String> splitPythonWhitespace(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
            if (!space) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static String strip(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }
}
