/**
 * The command line for a flaskj project (Flask: the {@code flask} command): {@code routes} prints the route table
 * and {@code secret} prints a new secret key. Run it with {@code mvn -q compile exec:java -Dexec.args=routes}.
 * Non-null unless documented.
 */
package dev.flaskj.cli;
