package dev.flaskj.exceptions;

import java.util.Map;

/**
 * Werkzeug's names and default descriptions for the HTTP error codes it knows.
 *
 * <p>Werkzeug: {@code werkzeug.exceptions} (one class per code) and {@code werkzeug.http.HTTP_STATUS_CODES}.
 * The texts are the ones Werkzeug 3.1 renders on its default error pages.
 */
final class HttpStatus {
    record Entry(String name, String description) {}

    private static final Map<Integer, Entry> ERRORS = Map.ofEntries(
            Map.entry(400, new Entry("Bad Request",
                    "The browser (or proxy) sent a request that this server could not understand.")),
            Map.entry(401, new Entry("Unauthorized",
                    "The server could not verify that you are authorized to access the URL requested. You either"
                            + " supplied the wrong credentials (e.g. a bad password), or your browser doesn't"
                            + " understand how to supply the credentials required.")),
            Map.entry(403, new Entry("Forbidden",
                    "You don't have the permission to access the requested resource. It is either read-protected"
                            + " or not readable by the server.")),
            Map.entry(404, new Entry("Not Found",
                    "The requested URL was not found on the server. If you entered the URL manually please check"
                            + " your spelling and try again.")),
            Map.entry(405, new Entry("Method Not Allowed", "The method is not allowed for the requested URL.")),
            Map.entry(406, new Entry("Not Acceptable",
                    "The resource identified by the request is only capable of generating response entities which"
                            + " have content characteristics not acceptable according to the accept headers sent"
                            + " in the request.")),
            Map.entry(408, new Entry("Request Timeout",
                    "The server closed the network connection because the browser didn't finish the request"
                            + " within the specified time.")),
            Map.entry(409, new Entry("Conflict",
                    "A conflict happened while processing the request. The resource might have been modified"
                            + " while the request was being processed.")),
            Map.entry(410, new Entry("Gone",
                    "The requested URL is no longer available on this server and there is no forwarding address."
                            + " If you followed a link from a foreign page, please contact the author of this"
                            + " page.")),
            Map.entry(411, new Entry("Length Required",
                    "A request with this method requires a valid <code>Content-Length</code> header.")),
            Map.entry(412, new Entry("Precondition Failed",
                    "The precondition on the request for the URL failed positive evaluation.")),
            Map.entry(413, new Entry("Request Entity Too Large",
                    "The data value transmitted exceeds the capacity limit.")),
            Map.entry(414, new Entry("Request URI Too Long",
                    "The length of the requested URL exceeds the capacity limit for this server. The request"
                            + " cannot be processed.")),
            Map.entry(415, new Entry("Unsupported Media Type",
                    "The server does not support the media type transmitted in the request.")),
            Map.entry(416, new Entry("Requested Range Not Satisfiable",
                    "The server cannot provide the requested range.")),
            Map.entry(417, new Entry("Expectation Failed",
                    "The server could not meet the requirements of the Expect header")),
            Map.entry(418, new Entry("I'm a teapot", "This server is a teapot, not a coffee machine")),
            Map.entry(421, new Entry("Misdirected Request",
                    "The server is not able to produce a response.")),
            Map.entry(422, new Entry("Unprocessable Entity",
                    "The request was well-formed but was unable to be followed due to semantic errors.")),
            Map.entry(423, new Entry("Locked", "The resource that is being accessed is locked.")),
            Map.entry(424, new Entry("Failed Dependency",
                    "The method could not be performed on the resource because the requested action depended on"
                            + " another action and that action failed.")),
            Map.entry(428, new Entry("Precondition Required",
                    "This request is required to be conditional; try using \"If-Match\" or"
                            + " \"If-Unmodified-Since\".")),
            Map.entry(429, new Entry("Too Many Requests",
                    "This user has exceeded an allotted request count. Try again later.")),
            Map.entry(431, new Entry("Request Header Fields Too Large",
                    "One or more header fields exceeds the maximum size.")),
            Map.entry(451, new Entry("Unavailable For Legal Reasons", "Unavailable for legal reasons.")),
            Map.entry(500, new Entry("Internal Server Error",
                    "The server encountered an internal error and was unable to complete your request. Either the"
                            + " server is overloaded or there is an error in the application.")),
            Map.entry(501, new Entry("Not Implemented",
                    "The server does not support the action requested by the browser.")),
            Map.entry(502, new Entry("Bad Gateway",
                    "The proxy server received an invalid response from an upstream server.")),
            Map.entry(503, new Entry("Service Unavailable",
                    "The server is temporarily unable to service your request due to maintenance downtime or"
                            + " capacity problems. Please try again later.")),
            Map.entry(504, new Entry("Gateway Timeout", "The connection to an upstream server timed out.")),
            Map.entry(505, new Entry("HTTP Version Not Supported",
                    "The server does not support the HTTP protocol version used in the request.")));

    private HttpStatus() {}

    /** The entry for an error code Werkzeug has an exception class for, or null. */
    static Entry error(int code) {
        return ERRORS.get(code);
    }
}
