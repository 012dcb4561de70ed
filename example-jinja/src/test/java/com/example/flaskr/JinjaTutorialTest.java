package com.example.flaskr;

import com.example.jinja.Flaskr;
import dev.flaskj.Flask;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * Flask's tutorial tests (tests/test_*.py, ported in the quickstart example) run again, case for case, against
 * {@link Flaskr}: the same blueprints at the tutorial's own paths ({@code /auth/login}, {@code /1/update}), rendering
 * the tutorial's Jinja templates. The assertions are the tutorial's, on the tutorial's HTML ({@code by test on
 * 2018-01-01}, {@code href="/1/update"}).
 */
class JinjaTutorialTest {
    static Flask jinjaApp(Map<String, ?> testConfig) {
        return Flaskr.create(testConfig);
    }

    /** test_factory.py. */
    @Nested
    class Factory extends TutorialFactoryTest {
        @Override Flask createApp(Map<String, ?> testConfig) { return jinjaApp(testConfig); }
        @Override String prefix() { return ""; }
    }

    /** test_db.py. */
    @Nested
    class Db extends TutorialDbTest {
        @Override Flask createApp(Map<String, ?> testConfig) { return jinjaApp(testConfig); }
        @Override String prefix() { return ""; }
    }

    /** test_auth.py. */
    @Nested
    class Auth extends TutorialAuthTest {
        @Override Flask createApp(Map<String, ?> testConfig) { return jinjaApp(testConfig); }
        @Override String prefix() { return ""; }
    }

    /** test_blog.py. */
    @Nested
    class Blog extends TutorialBlogTest {
        @Override Flask createApp(Map<String, ?> testConfig) { return jinjaApp(testConfig); }
        @Override String prefix() { return ""; }
    }
}
