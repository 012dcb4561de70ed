package dev.flaskj.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes a {@code multipart/form-data} body from form fields and files (Werkzeug: {@code encode_multipart}). */
final class MultipartEncoder {
    private MultipartEncoder() {}

    static byte[] encode(List<Map.Entry<String, String>> fields, List<TestRequest.FileField> files,
                         String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(f.getKey())
                    + "\"\r\n\r\n");
            out.writeBytes(f.getValue().getBytes(StandardCharsets.UTF_8));
            write(out, "\r\n");
        }
        for (TestRequest.FileField f : files) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(f.field())
                    + "\"; filename=\"" + escape(f.filename()) + "\"\r\nContent-Type: " + f.contentType()
                    + "\r\n\r\n");
            out.writeBytes(f.content());
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    // Browsers (and Werkzeug) escape quotes and line breaks in these quoted names as %22, %0D, %0A.
    private static String escape(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
