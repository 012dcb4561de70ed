/**
 * Signed, timestamped tokens compatible with itsdangerous, the format of Flask's session cookie.
 *
 * <p>itsdangerous: {@code Signer}, {@code TimestampSigner}, {@code URLSafeTimedSerializer}, with the settings of
 * Flask's {@code SecureCookieSessionInterface}: HMAC-SHA1 over a key derived with the salt
 * {@code "cookie-session"}, zlib compression when it is shorter, URL-safe base64 without padding. Lower layer: uses
 * only the JDK (the session interface turns session data into the JSON bytes signed here). Everything is non-null unless documented.
 */
package dev.flaskj.signing;
