package dev.flaskj.it;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process this test started, together with every process it started, by their process ids. */
final class ProcessTrees {
    private static final long GRACE_SECONDS = 20;

    private ProcessTrees() {}

    /** SIGTERM to the children and then the process, SIGKILL to whatever is still alive after a grace period. */
    static void stop(ProcessHandle process) {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : tree) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }
}
