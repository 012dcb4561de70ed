package dev.flaskj.it;

import java.util.ArrayList;
import java.util.List;

/** The web application did not start; carries every message the container reported, causes included. */
final class DeploymentFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    DeploymentFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** This message and those of all causes and suppressed exceptions, one per line. */
    String allMessages() {
        List<String> out = new ArrayList<>();
        collect(this, out, 0);
        return String.join("\n", out);
    }

    private static void collect(Throwable t, List<String> out, int depth) {
        if (t == null || depth > 20) {
            return;
        }
        out.add(t.getClass().getName() + ": " + t.getMessage());
        for (Throwable s : t.getSuppressed()) {
            collect(s, out, depth + 1);
        }
        collect(t.getCause(), out, depth + 1);
    }
}
