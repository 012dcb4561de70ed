package dev.flaskj;

import java.time.Instant;

/**
 * How {@code sendFile} and {@code sendFromDirectory} answer (Flask: the keyword arguments of {@code send_file}).
 * Start from any option and chain the others:
 * <pre>{@code
 * return sendFile(report, SendFileOptions.downloadName("r.pdf").asAttachment(true));
 * return sendFile(csvBytes, SendFileOptions.mimetype("text/csv").maxAge(60));
 * return sendFile(path, SendFileOptions.defaults());
 * }</pre>
 * Each static method returns a {@link Chain} with that one option set and the others at Flask's defaults; each
 * method of a {@code Chain} returns a new {@code Chain} with one more option changed. Options are immutable, so one
 * instance may be kept in a field and shared by every request.
 *
 * <p>Defaults, as in Flask: mimetype guessed from the download name, inline, download name from the path (none for
 * bytes and streams), conditional on, ETag on (computed only for paths), Last-Modified from the file (none for bytes
 * and streams), max age from config {@code SEND_FILE_MAX_AGE_DEFAULT}.
 */
public sealed interface SendFileOptions permits SendFileOptions.Chain {

    /** Flask's defaults: the same as passing no options. */
    static Chain defaults() {
        return Chain.DEFAULTS;
    }

    /** Options with this {@code Content-Type}; null guesses it from the download name. */
    static Chain mimetype(String mimetype) {
        return Chain.DEFAULTS.mimetype(mimetype);
    }

    /** Options sending {@code Content-Disposition: attachment} (a download) when {@code asAttachment}. */
    static Chain asAttachment(boolean asAttachment) {
        return Chain.DEFAULTS.asAttachment(asAttachment);
    }

    /** Options with the file name the client sees, from which the type is guessed; null for the path's own. */
    static Chain downloadName(String downloadName) {
        return Chain.DEFAULTS.downloadName(downloadName);
    }

    /** Options answering (or ignoring, when false) If-None-Match, If-Modified-Since, If-Match and Range. */
    static Chain conditional(boolean conditional) {
        return Chain.DEFAULTS.conditional(conditional);
    }

    /** Options computing an ETag for a path (true, the default) or sending none (false). */
    static Chain etag(boolean etag) {
        return Chain.DEFAULTS.etag(etag);
    }

    /** Options sending this ETag (unquoted; it is quoted as strong), for bytes and streams as well as paths. */
    static Chain etag(String etag) {
        return Chain.DEFAULTS.etag(etag);
    }

    /** Options sending this Last-Modified instead of the file's modification time; null for the file's. */
    static Chain lastModified(Instant lastModified) {
        return Chain.DEFAULTS.lastModified(lastModified);
    }

    /**
     * Options caching for {@code seconds}: {@code public, max-age=N} and Expires for a positive number,
     * {@code no-cache, max-age=0} for 0, instead of config {@code SEND_FILE_MAX_AGE_DEFAULT}.
     */
    static Chain maxAge(int seconds) {
        return Chain.DEFAULTS.maxAge(seconds);
    }

    /** A set of options; immutable, each method returns a changed copy. */
    final class Chain implements SendFileOptions {
        static final Chain DEFAULTS = new Chain(null, false, null, true, true, null, null, null);

        private final String mimetype;
        private final boolean asAttachment;
        private final String downloadName;
        private final boolean conditional;
        private final boolean etag;
        private final String etagValue;
        private final Instant lastModified;
        private final Integer maxAge;

        private Chain(String mimetype, boolean asAttachment, String downloadName, boolean conditional, boolean etag,
                String etagValue, Instant lastModified, Integer maxAge) {
            this.mimetype = mimetype;
            this.asAttachment = asAttachment;
            this.downloadName = downloadName;
            this.conditional = conditional;
            this.etag = etag;
            this.etagValue = etagValue;
            this.lastModified = lastModified;
            this.maxAge = maxAge;
        }

        /** A copy with this {@code Content-Type}; null guesses it from the download name. */
        public Chain mimetype(String mimetype) {
            return new Chain(mimetype, asAttachment, downloadName, conditional, etag, etagValue, lastModified,
                    maxAge);
        }

        /** A copy sending {@code attachment} instead of {@code inline} when {@code asAttachment}. */
        public Chain asAttachment(boolean asAttachment) {
            return new Chain(mimetype, asAttachment, downloadName, conditional, etag, etagValue, lastModified,
                    maxAge);
        }

        /** A copy with the file name the client sees; null for the path's own name. */
        public Chain downloadName(String downloadName) {
            return new Chain(mimetype, asAttachment, downloadName, conditional, etag, etagValue, lastModified,
                    maxAge);
        }

        /** A copy answering conditional and range requests, or not. */
        public Chain conditional(boolean conditional) {
            return new Chain(mimetype, asAttachment, downloadName, conditional, etag, etagValue, lastModified,
                    maxAge);
        }

        /** A copy computing a path's ETag (true) or sending none (false). */
        public Chain etag(boolean etag) {
            return new Chain(mimetype, asAttachment, downloadName, conditional, etag, null, lastModified, maxAge);
        }

        /**
         * A copy sending this ETag.
         *
         * @throws IllegalArgumentException if it contains a double quote
         */
        public Chain etag(String etag) {
            if (etag != null && etag.indexOf('"') >= 0) {
                throw new IllegalArgumentException("invalid etag");
            }
            return new Chain(mimetype, asAttachment, downloadName, conditional, etag != null, etag, lastModified,
                    maxAge);
        }

        /** A copy sending this Last-Modified; null for the file's modification time. */
        public Chain lastModified(Instant lastModified) {
            return new Chain(mimetype, asAttachment, downloadName, conditional, etag, etagValue, lastModified,
                    maxAge);
        }

        /**
         * A copy caching for {@code seconds} instead of config {@code SEND_FILE_MAX_AGE_DEFAULT}.
         *
         * @throws IllegalArgumentException for a negative number
         */
        public Chain maxAge(int seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("maxAge must not be negative: " + seconds);
            }
            return new Chain(mimetype, asAttachment, downloadName, conditional, etag, etagValue, lastModified,
                    seconds);
        }

        String mimetypeOption() {
            return mimetype;
        }

        boolean isAsAttachment() {
            return asAttachment;
        }

        String downloadNameOption() {
            return downloadName;
        }

        boolean isConditional() {
            return conditional;
        }

        boolean isEtag() {
            return etag;
        }

        String etagValue() {
            return etagValue;
        }

        Instant lastModifiedOption() {
            return lastModified;
        }

        Integer maxAgeOption() {
            return maxAge;
        }

        @Override
        public String toString() {
            return "SendFileOptions[mimetype=" + mimetype + ", asAttachment=" + asAttachment + ", downloadName="
                    + downloadName + ", conditional=" + conditional + ", etag=" + (etagValue != null ? etagValue
                    : etag) + ", lastModified=" + lastModified + ", maxAge=" + maxAge + "]";
        }
    }
}
