package dev.flaskj.exceptions;

/**
 * 416: the {@code Range} header asks for bytes the resource does not have
 * (Werkzeug: {@code RequestedRangeNotSatisfiable}); carries {@code Content-Range: bytes *&#47;length}.
 */
public class RequestedRangeNotSatisfiable extends HttpException {
    private static final long serialVersionUID = 1L;

    /** For a resource of {@code length} bytes; a negative length sends no {@code Content-Range}. */
    public RequestedRangeNotSatisfiable(long length) {
        super(416, null);
        if (length >= 0) {
            withHeader("Content-Range", "bytes */" + length);
        }
    }
}
