package dev.flaskj.http;

import dev.flaskj.exceptions.BadRequest;
import dev.flaskj.exceptions.RequestEntityTooLarge;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import org.apache.commons.fileupload2.core.FileItemHeaders;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletDiskFileUpload;

/**
 * Reads a request body as a form: {@code application/x-www-form-urlencoded} or {@code multipart/form-data}, with
 * Flask 3.1's limits.
 *
 * <p>Werkzeug: {@code werkzeug.formparser.FormDataParser} and {@code Request.get_data}. The body is read only
 * from {@code getInputStream()} (never {@code getParameter} or {@code getParts}, which need servlet
 * configuration a filter does not control). Multipart parsing uses commons-fileupload2's streaming iterator,
 * which never appears in this API.
 * <pre>{@code
 * try (ParsedForm parsed = FormParser.parse(req, FormLimits.defaults())) {
 *     MultiDict<String> form = parsed.form();
 *     MultiDict<FileStorage> files = parsed.files();
 * }
 * }</pre>
 * Errors, all thrown before the method returns and after every temp file written so far has been deleted:
 * <ul>
 * <li>{@link RequestEntityTooLarge} (413): a {@code Content-Length} above {@code maxContentLength} (nothing is
 *     read), more bytes than that arriving whatever the header said (reading stops), a non-file field (or a whole
 *     urlencoded body) above {@code maxFormMemorySize}, more than {@code maxFormParts} parts, or a part header
 *     block above {@value #MAX_PART_HEADER_SIZE} bytes.</li>
 * <li>{@link RequestEntityTooLarge} (413) also when the non-file fields of one multipart body together pass
 *     {@code maxBodyMemorySize}: fields live in memory, so their total is bounded as well.</li>
 * <li>{@link BadRequest} (400): a multipart body without a boundary, truncated (without its final boundary), or
 *     otherwise malformed, a body shorter than its {@code Content-Length} (the client half-closed), and a
 *     client that went away mid-body. Werkzeug ({@code silent=True}) answers these with an empty form instead;
 *     catch {@code BadRequest} and use {@link ParsedForm#empty()} for that behaviour.</li>
 * </ul>
 */
public final class FormParser {
    /** The largest header block one multipart part may have (commons-fileupload2's own default is 512). */
    public static final int MAX_PART_HEADER_SIZE = 8 * 1024;

    private static final String URLENCODED = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";

    private FormParser() {}

    /**
     * The form in the request's body, or {@link ParsedForm#empty()} without reading anything when the content
     * type is neither urlencoded nor multipart/form-data (any method, as in Werkzeug). The charset parameter is
     * ignored: Werkzeug 3 always decodes as UTF-8, invalid bytes in a multipart field become U+FFFD, and an
     * urlencoded body that is not valid UTF-8 gives an empty form (Werkzeug's silent failure).
     *
     * @throws RequestEntityTooLarge when a limit is passed (see the class comment)
     * @throws BadRequest for a malformed multipart body or a broken connection
     */
    public static ParsedForm parse(HttpServletRequest req, FormLimits limits) {
        String mimetype = mimetype(req.getContentType());
        boolean multipart = mimetype.equals(MULTIPART);
        if (!multipart && !mimetype.equals(URLENCODED)) {
            return ParsedForm.empty();
        }
        checkDeclaredLength(req, limits.maxContentLength());
        if (req.getContentLengthLong() == 0) {
            return ParsedForm.empty();
        }
        return multipart ? parseMultipart(req, limits) : parseUrlEncoded(req, limits);
    }

    /**
     * The whole body: Flask's {@code request.get_data()}, read into memory under {@code max} (null means no limit;
     * {@code Request.data()} passes {@link FormLimits#maxInMemoryBody()}). A declared {@code Content-Length} above
     * {@code max} is refused before a byte is read; a body without one is read until it passes {@code max}, never
     * more than one byte further.
     *
     * @throws RequestEntityTooLarge when the body is, or says it is, longer than {@code max}
     * @throws BadRequest when reading fails (the client went away) or the body ends before its
     *     {@code Content-Length}
     */
    public static byte[] readBody(HttpServletRequest req, Long max) {
        checkDeclaredLength(req, max);
        byte[] bytes;
        try (InputStream in = body(req, max)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new BadRequest();
        }
        checkComplete(req, bytes.length);
        return bytes;
    }

    /** A body that ended before its declared length is a truncated request (a half-closed client), not data. */
    private static void checkComplete(HttpServletRequest req, long received) {
        long declared = req.getContentLengthLong();
        if (declared >= 0 && received < declared) {
            throw new BadRequest("The request body ended after " + received + " of the " + declared
                    + " bytes its Content-Length announced.");
        }
    }

    private static void checkDeclaredLength(HttpServletRequest req, Long max) {
        // Werkzeug: Request.stream / get_input_stream raise before reading when Content-Length is too big.
        if (max != null && req.getContentLengthLong() > max) {
            throw new RequestEntityTooLarge();
        }
    }

    private static InputStream body(HttpServletRequest req, Long max) throws IOException {
        InputStream in = req.getInputStream();
        return max == null ? in : new LimitedInputStream(in, max);
    }

    private static ParsedForm parseUrlEncoded(HttpServletRequest req, FormLimits limits) {
        // Werkzeug: _parse_urlencoded refuses a body over max_form_memory_size; we count instead of trusting the
        // header, so a chunked body is bounded too.
        long cap = limits.maxFormMemorySize();
        if (req.getContentLengthLong() > cap) {
            throw new RequestEntityTooLarge();
        }
        byte[] bytes;
        try (InputStream in = body(req, limits.maxContentLength())) {
            bytes = readAtMost(in, cap);
        } catch (IOException e) {
            throw new BadRequest();
        }
        checkComplete(req, bytes.length);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return new ParsedForm(UrlEncoded.parse(text), MultiDict.empty(), null);
        } catch (CharacterCodingException e) {
            // Werkzeug: stream.read().decode() raises UnicodeDecodeError, which the silent parser turns into {}.
            return ParsedForm.empty();
        }
    }

    private static ParsedForm parseMultipart(HttpServletRequest req, FormLimits limits) {
        Spool spool = new Spool(limits);
        try {
            JakartaServletDiskFileUpload upload = new JakartaServletDiskFileUpload();
            // Werkzeug decodes part headers as UTF-8 whatever the request says; a bogus charset cannot fail here.
            upload.setHeaderCharset(StandardCharsets.UTF_8);
            upload.setMaxPartHeaderSize(MAX_PART_HEADER_SIZE);
            Long max = limits.maxContentLength();
            // Always counted, so that a body shorter than its Content-Length can be told from a complete one.
            LimitedInputStream counted = new LimitedInputStream(req.getInputStream(), max == null ? Long.MAX_VALUE : max);
            byte[] boundary = upload.getBoundary(req.getContentType());
            if (boundary == null || boundary.length == 0) {
                throw new BadRequest("Missing boundary in the multipart Content-Type.");
            }
            CloseDelimiterWatch watched = new CloseDelimiterWatch(counted, boundary);
            BodyContext context = new BodyContext(req.getContentType(), req.getContentLengthLong(), watched);
            FileItemInputIterator items = upload.getItemIterator(context);
            int parts = 0;
            while (items.hasNext()) {
                FileItemInput item = items.next();
                // Werkzeug: MultiPartParser counts every part against max_form_parts.
                if (++parts > limits.maxFormParts()) {
                    throw new RequestEntityTooLarge();
                }
                spool.read(item);
            }
            // The parser stops at the final boundary; what follows (the epilogue) is read and dropped, in small
            // pieces, only to learn whether the body really had the length it declared.
            drainEpilogue(watched);
            checkComplete(req, counted.count());
            if (!watched.seen()) {
                // commons-fileupload takes a body that simply stops (before any boundary, or right after one) as
                // complete; Werkzeug refuses it, and so do we: a cut-off upload must never look like a good one.
                throw new BadRequest("The multipart body ended without its final boundary.");
            }
            return spool.result();
        } catch (FileUploadSizeException e) {
            spool.discard(e);
            throw new RequestEntityTooLarge();
        } catch (BadRequest | RequestEntityTooLarge e) {
            spool.discard(e);
            throw e;
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            // Malformed body (MalformedStreamException, no boundary, broken headers) or a client that went away.
            spool.discard(e);
            throw new BadRequest();
        } catch (RuntimeException | Error e) {
            spool.discard(e);
            throw e;
        }
    }

    private static void drainEpilogue(InputStream in) throws IOException {
        byte[] sink = new byte[4096];
        while (in.read(sink) >= 0) {
            // discard
        }
    }

    /** Reads up to {@code max} bytes; one more means the value is too large. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        int room = max >= Integer.MAX_VALUE - 8 ? Integer.MAX_VALUE - 8 : (int) max + 1;
        byte[] bytes = in.readNBytes(room);
        if (bytes.length > max) {
            throw new RequestEntityTooLarge();
        }
        return bytes;
    }

    static String mimetype(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The parts read so far, and the request's private temp folder, created on the first large upload. */
    private static final class Spool {
        private final FormLimits limits;
        private final MultiDict.Builder<String> form = MultiDict.builder();
        private final MultiDict.Builder<FileStorage> files = MultiDict.builder();
        private Path folder;
        private long fieldBytes; // all non-file fields so far: bounded by maxBodyMemorySize
        private long memoryBytes; // fields plus in-memory uploads: files go to disk once this passes the threshold

        Spool(FormLimits limits) {
            this.limits = limits;
        }

        void read(FileItemInput item) throws IOException {
            String filename = item.isFormField() ? null : unescapeQuoted(item.getName());
            FileStorage.PartInfo info = new FileStorage.PartInfo(item.getFieldName(), filename, headers(item));
            try (InputStream in = item.getInputStream()) {
                if (item.isFormField()) {
                    // Werkzeug 3: fields are UTF-8 whatever their Content-Type says, invalid bytes as U+FFFD.
                    // Werkzeug bounds each field; the total is bounded too, since 1000 fields just under the
                    // per-field limit would otherwise hold 500 MB.
                    long cap = Math.min(limits.maxFormMemorySize(), limits.maxBodyMemorySize() - fieldBytes);
                    byte[] value = readAtMost(in, cap);
                    fieldBytes += value.length;
                    memoryBytes += value.length;
                    form.add(info.name(), new String(value, StandardCharsets.UTF_8));
                } else {
                    files.add(info.name(), store(in, info));
                }
            }
        }

        private FileStorage store(InputStream in, FileStorage.PartInfo info) throws IOException {
            // The threshold is the request's in-memory budget, not each file's (Werkzeug decides on the whole
            // request too): many parts just under it would otherwise all stay on the heap.
            int room = (int) Math.max(0, Math.min(Integer.MAX_VALUE - 8, limits.inMemoryThreshold() - memoryBytes));
            byte[] head = in.readNBytes(room + 1);
            if (head.length <= room) {
                memoryBytes += head.length;
                return FileStorage.inMemory(info, head, head.length);
            }
            Path file = Files.createTempFile(folder(), "part-", ".upload");
            long size;
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(head);
                size = head.length + in.transferTo(out);
            }
            return FileStorage.onDisk(info, file, size);
        }

        private Path folder() throws IOException {
            if (folder == null) {
                Files.createDirectories(limits.tempDir());
                // createTempDirectory gives an unpredictable name and, on POSIX, owner-only permissions.
                folder = Files.createTempDirectory(limits.tempDir(), "request-");
            }
            return folder;
        }

        /**
         * commons-fileupload2 strips the quotes of {@code filename="..."} but keeps its backslash escapes;
         * Werkzeug's {@code parse_options_header} resolves the escapes, so {@code filename="C:\\dir\\a\"b.txt"}
         * is {@code C:\dir\a"b.txt}.
         */
        private static String unescapeQuoted(String name) {
            if (name == null || name.indexOf('\\') < 0) {
                return name;
            }
            StringBuilder out = new StringBuilder(name.length());
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == '\\' && i + 1 < name.length() && (name.charAt(i + 1) == '\\' || name.charAt(i + 1) == '"')) {
                    c = name.charAt(++i); // a quoted pair: the escaped character itself
                }
                out.append(c);
            }
            return out.toString();
        }

        ParsedForm result() {
            return new ParsedForm(form.build(), files.build(), folder);
        }

        void discard(Throwable cause) {
            if (folder == null) {
                return;
            }
            try {
                ParsedForm.deleteRecursively(folder);
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }

        private static Headers headers(FileItemInput item) {
            Headers headers = new Headers();
            FileItemHeaders source = item.getHeaders();
            if (source == null) {
                return headers.asReadOnly();
            }
            // commons-fileupload2 lower-cases names; title-case them back to the usual spelling.
            for (Iterator<String> names = source.getHeaderNames(); names.hasNext(); ) {
                String name = names.next();
                for (Iterator<String> values = source.getHeaders(name); values.hasNext(); ) {
                    headers.add(Headers.titleCase(name), values.next().replace('\r', ' ').replace('\n', ' '));
                }
            }
            return headers.asReadOnly();
        }
    }

    /**
     * Passes the body through and watches it for the close delimiter ({@code CRLF--boundary--}, or
     * {@code --boundary--} at the very start): Knuth-Morris-Pratt over each byte once, so linear in the body.
     */
    private static final class CloseDelimiterWatch extends java.io.FilterInputStream {
        private final byte[] pattern;
        private final int[] fail;
        private int matched = 2; // as if the body were preceded by CRLF
        private boolean seen;

        CloseDelimiterWatch(InputStream in, byte[] boundary) {
            super(in);
            pattern = new byte[boundary.length + 6];
            pattern[0] = '\r';
            pattern[1] = '\n';
            pattern[2] = '-';
            pattern[3] = '-';
            System.arraycopy(boundary, 0, pattern, 4, boundary.length);
            pattern[pattern.length - 2] = '-';
            pattern[pattern.length - 1] = '-';
            fail = new int[pattern.length + 1];
            fail[0] = -1;
            for (int i = 0, k = -1; i < pattern.length; ) {
                while (k >= 0 && pattern[k] != pattern[i]) {
                    k = fail[k];
                }
                fail[++i] = ++k;
            }
        }

        boolean seen() {
            return seen;
        }

        private void feed(byte b) {
            int k = matched;
            while (k >= 0 && pattern[k] != b) {
                k = fail[k];
            }
            matched = k + 1;
            if (matched == pattern.length) {
                seen = true;
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && !seen) {
                feed((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            for (int i = 0; i < n && !seen; i++) {
                feed(b[off + i]);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must be watched too.
            byte[] buf = new byte[(int) Math.min(4096, Math.max(0, n))];
            long done = 0;
            while (done < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** The request as commons-fileupload2 sees it: our counted body, and always UTF-8. */
    private record BodyContext(String contentType, long contentLength, InputStream body) implements RequestContext {
        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return contentLength;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return body;
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }
}
