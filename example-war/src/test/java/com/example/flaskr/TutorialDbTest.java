package com.example.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.AppContext;
import dev.flaskj.cli.CliResult;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Flask's tutorial tests, tests/test_db.py. */
class TutorialDbTest extends TutorialConftest {
    /** test_db.py {@code test_get_close_db}: one connection per app context, closed when the context ends. */
    @Test
    void test_get_close_db() {
        Connection db;
        try (AppContext ctx = app.appContext()) {
            db = Database.get();
            assertSame(db, Database.get());
        }

        SQLException e = assertThrows(SQLException.class, () -> db.createStatement().execute("SELECT 1"));

        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    /**
     * test_db.py {@code test_init_db_command}. The Python test replaces {@code init_db} with a recorder and checks
     * that the command called it; a static Java method cannot be swapped, so this checks what {@code init_db}
     * does instead: after the command the tables exist again, empty, and the output says so.
     */
    @Test
    void test_init_db_command() throws Exception {
        assertEquals(2, count("SELECT COUNT(*) FROM users"));
        assertEquals(1, count("SELECT COUNT(*) FROM posts"));

        CliResult result = runner.invoke("init-db");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Initialized"), result.output());
        assertEquals(0, count("SELECT COUNT(*) FROM users"));
        assertEquals(0, count("SELECT COUNT(*) FROM posts"));
    }
}
