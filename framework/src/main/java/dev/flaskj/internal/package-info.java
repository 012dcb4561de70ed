/**
 * Not API: leaf helpers shared by the other flaskj packages (HTTP dates, percent-encoding, Python's float repr,
 * HTML escaping, safe paths). JDK only; the bottom layer, which every other package may use and which uses none
 * of them.
 *
 * <p>The classes are public only because Java has no "visible to these packages" modifier. They never appear in a
 * public signature outside this package, applications must not import them, and they may change or disappear in
 * any release. Use the public equivalents instead: {@code Markup.escape}, {@code Flask.secureFilename},
 * {@code Flask.sendFromDirectory}, {@code UrlEncoded}, {@code SetCookie}.
 */
package dev.flaskj.internal;
