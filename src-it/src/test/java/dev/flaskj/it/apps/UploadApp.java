package dev.flaskj.it.apps;

import dev.flaskj.Flask;
import dev.flaskj.Route;
import dev.flaskj.http.FileStorage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/** Saves an uploaded file and answers its SHA-256; counts the uploads it completed. */
public class UploadApp extends Flask {
    private static final AtomicInteger COMPLETED = new AtomicInteger();

    @Route(value = "/upload", methods = "POST")
    String upload() throws Exception {
        FileStorage file = request().files().get("file");
        Path target = Files.createTempFile("saved-", ".bin");
        try {
            file.save(target);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(target)) {
                byte[] buf = new byte[1 << 16];
                for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                    sha.update(buf, 0, n);
                }
            }
            COMPLETED.incrementAndGet();
            return HexFormat.of().formatHex(sha.digest());
        } finally {
            Files.deleteIfExists(target);
        }
    }

    @Route("/completed")
    String completed() {
        return String.valueOf(COMPLETED.get());
    }

    /** The servlet context's private temp folder, where large uploads are spooled while a request runs. */
    @Route("/tempdir")
    String tempdir() {
        Object dir = currentApp().servletContext().getAttribute(jakarta.servlet.ServletContext.TEMPDIR);
        return ((java.io.File) dir).getAbsolutePath();
    }
}
