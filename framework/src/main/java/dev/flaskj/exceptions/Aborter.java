package dev.flaskj.exceptions;

/**
 * Turns a status code into the matching exception, as Werkzeug's {@code Aborter} does for {@code abort(code)}.
 * A plain {@code switch}: no reflection, no class scanning.
 */
public final class Aborter {
    private Aborter() {}

    /**
     * The exception for {@code code} with an optional description (null keeps the default).
     *
     * @throws IllegalArgumentException {@code no exception for 999} when Werkzeug has no class for the code,
     *     which Flask turns into a 500
     */
    public static HttpException exceptionFor(int code, String description) {
        return switch (code) {
            case 400 -> new BadRequest(description);
            case 401 -> new Unauthorized(description);
            case 403 -> new Forbidden(description);
            case 404 -> new NotFound(description);
            case 405 -> new MethodNotAllowed(java.util.List.of(), description);
            case 409 -> new Conflict(description);
            case 413 -> new RequestEntityTooLarge(description);
            case 415 -> new UnsupportedMediaType(description);
            case 422 -> new UnprocessableEntity(description);
            case 429 -> new TooManyRequests(description);
            case 500 -> new InternalServerError(description);
            case 503 -> new ServiceUnavailable(description);
            default -> new HttpException(code, description);
        };
    }
}
