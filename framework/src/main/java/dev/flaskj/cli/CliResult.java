package dev.flaskj.cli;

/**
 * What one {@link CliRunner#invoke} produced (click: {@code click.testing.Result}): the exit status and the
 * output, as a terminal would have shown it.
 */
public final class CliResult {
    private final int exitCode;
    private final String output;
    private final String stdout;
    private final String stderr;
    private final Exception exception;

    CliResult(int exitCode, String output, String stdout, String stderr, Exception exception) {
        this.exitCode = exitCode;
        this.output = output;
        this.stdout = stdout;
        this.stderr = stderr;
        this.exception = exception;
    }

    /** The exit status the process would have ended with: the command's return value, 1 if it threw, 2 for a usage error. */
    public int exitCode() {
        return exitCode;
    }

    /** Standard output and standard error interleaved in the order they were written (click 8.2's {@code output}). */
    public String output() {
        return output;
    }

    /** Standard output only. */
    public String stdout() {
        return stdout;
    }

    /** Standard error only: usage errors, and {@code Error: ...} when the command threw. */
    public String stderr() {
        return stderr;
    }

    /** The exception the command threw, or null (click: {@code result.exception}). */
    public Exception exception() {
        return exception;
    }

    @Override
    public String toString() {
        return "<CliResult exitCode=" + exitCode + (exception == null ? "" : " exception=" + exception) + ">";
    }
}
