/**
 * Signed, timestamped tokens compatible with itsdangerous, the format of Flask's session cookie.
 *
 * <p>itsdangerous: {@code Signer}, {@code TimestampSigner}, {@code URLSafeTimedSerializer}, with the settings of
 * Flask's {@code SecureCookieSessionInterface} (flask-behaviour.md §8.1). Lower layer: uses the JDK and
 * {@code dev.flaskj.json}. Everything is non-null unless documented.
 */
package dev.flaskj.signing;
