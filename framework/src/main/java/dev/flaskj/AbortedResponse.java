package dev.flaskj;

import dev.flaskj.exceptions.HttpException;

/** What {@code abort(response)} throws: the response is sent as it is and no error handler sees it. */
final class AbortedResponse extends HttpException {
    private static final long serialVersionUID = 1L;

    private final transient Response response;

    AbortedResponse(Response response) {
        super(response.status(), "Aborted", "The request was aborted with a response.", false);
        this.response = response;
    }

    Response response() {
        return response;
    }
}
