/**
 * JSON the way Flask writes and reads it: Python's {@code json} module byte for byte ({@link dev.flaskj.json.CompactJson}),
 * Flask's app-wide provider for {@code jsonify} and {@code request.json} ({@link dev.flaskj.json.JsonProvider}), and
 * Flask's tagged JSON for session cookies ({@link dev.flaskj.json.TaggedJson}).
 *
 * <p>Flask: {@code flask.json}, {@code flask.json.provider}, {@code flask.json.tag}. Lower layer: uses the JDK,
 * JSON-B (for types it does not know itself) and {@code dev.flaskj.internal}. Everything is non-null unless
 * documented.
 */
package dev.flaskj.json;
