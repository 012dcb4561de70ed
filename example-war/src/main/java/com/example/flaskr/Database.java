package com.example.flaskr;

import static dev.flaskj.Flask.g;

import dev.flaskj.Extension;
import dev.flaskj.Flask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Flaskr's database as a flaskj extension: an embedded H2 database in a file, one JDBC connection per request kept
 * in {@code g()} and closed when the app context ends (Flask tutorial: {@code flaskr/db.py}).
 *
 * <p>The database lives in the app's instance folder, {@code app.instancePath()}, as the Flask tutorial keeps
 * {@code flaskr.sqlite} in {@code app.instance_path}: outside the deployed WAR, so the posts survive a redeploy
 * ({@code INSTANCE_PATH} or {@code FLASK_INSTANCE_PATH} chooses it). Config {@code FLASKR_DATA_DIR} or the system
 * property {@code flaskr.data-dir} still override it for this example. The schema is created on first start.
 */
public final class Database implements Extension {
    private JdbcDataSource dataSource;

    @Override
    public void initApp(Flask app) {
        app.extensions().put("flaskr.db", this);
        // Flask tutorial: app.cli.add_command(init_db_command); run with `mvn -q exec:java -Dexec.args=init-db`
        app.cli().command("init-db", "Clear the existing data and create new tables.", ctx -> {
            initDb();
            ctx.out().println("Initialized the database.");
            return 0;
        });
        app.teardownAppcontext(exc -> {
            Connection db = g().pop("db");
            if (db != null) {
                db.close();
            }
        });
    }

    /** Opens the database (creating the schema) once the app's config is final: call from the first request. */
    synchronized JdbcDataSource dataSource(Flask app) {
        if (dataSource == null) {
            Path dir = dataDir(app);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the Flaskr data folder " + dir, e);
            }
            // A data source, not DriverManager: no driver registered JVM-wide that would pin this webapp's class
            // loader after an undeploy. DB_CLOSE_DELAY=0 closes the database with the last connection, and
            // DB_CLOSE_ON_EXIT=FALSE leaves no JVM shutdown hook behind, so a redeploy reopens the same file.
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:file:" + dir.resolve("flaskr").toAbsolutePath()
                    + ";DB_CLOSE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                createTables(s);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open the Flaskr database in " + dir, e);
            }
            app.logger().info("Flaskr database at " + dir);
            dataSource = ds;
        }
        return dataSource;
    }

    /** The schema (Flask tutorial: {@code schema.sql}); leaves existing tables and their rows alone. */
    private static void createTables(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS users (id INT AUTO_INCREMENT PRIMARY KEY,"
                + " username VARCHAR(200) UNIQUE NOT NULL, password VARCHAR(300) NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS posts (id INT AUTO_INCREMENT PRIMARY KEY,"
                + " author_id INT NOT NULL REFERENCES users (id),"
                + " created TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,"
                + " title VARCHAR(500) NOT NULL, body VARCHAR(20000) NOT NULL)");
    }

    /**
     * Clears the existing data and creates new tables (Flask tutorial: {@code init_db()}); needs an app context,
     * which the {@code init-db} command runs in.
     */
    public static void initDb() throws SQLException {
        try (Statement s = get().createStatement()) {
            // posts first: they reference users
            s.execute("DROP TABLE IF EXISTS posts");
            s.execute("DROP TABLE IF EXISTS users");
            createTables(s);
        }
    }

    /**
     * The folder for the example's files (the database, uploads): config {@code FLASKR_DATA_DIR}, else the system
     * property {@code flaskr.data-dir}, else the app's instance folder.
     */
    public static Path dataDir(Flask app) {
        String dir = app.config().getString("FLASKR_DATA_DIR", null);
        if (dir == null) {
            dir = System.getProperty("flaskr.data-dir");
        }
        return dir != null ? Path.of(dir) : app.instancePath();
    }

    /** This request's connection, opened on first use (Flask tutorial: {@code get_db()}). */
    public static Connection get() {
        return g().setDefault("db", () -> {
            Flask app = Flask.currentApp();
            Database db = (Database) app.extensions().get("flaskr.db");
            try {
                return db.dataSource(app).getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to the Flaskr database", e);
            }
        });
    }

    /**
     * The rows of a query on this request's connection, each a map from lower-case column label to value, in
     * column order, timestamps as {@code LocalDateTime} (Flask tutorial: {@code get_db().execute(...).fetchall()},
     * whose {@code sqlite3.Row}s templates read as {@code post['title']} and whose {@code created} is a
     * {@code datetime}). Both template engines read such a row: {@code ${post.title}} in Thymeleaf,
     * {@code post['created'].strftime('%Y-%m-%d')} in Jinja.
     */
    public static List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
        try (PreparedStatement q = get().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        Object value = rs.getObject(c);
                        row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT),
                                value instanceof Timestamp t ? t.toLocalDateTime() : value);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** The first row of a query, or null when it has none (Flask tutorial: {@code fetchone()}). */
    public static Map<String, Object> queryOne(String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = query(sql, params);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
