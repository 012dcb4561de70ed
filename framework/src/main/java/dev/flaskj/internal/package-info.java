/**
 * Leaf helpers shared by the other packages: JDK only. Public only so other flaskj packages can use them; never
 * part of a public signature outside this package, and not an API users may rely on.
 */
package dev.flaskj.internal;
