package com.example.flaskr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flask's tutorial tests, tests/test_factory.py: the app factory is {@link #createApp(Map)}. */
class TutorialFactoryTest extends TutorialConftest {
    /** test_factory.py {@code test_config}: create_app without passing test config. */
    @Test
    void test_config() {
        assertFalse(createApp(null).testing());
        assertTrue(createApp(Map.of("TESTING", true)).testing());
    }

    /** test_factory.py {@code test_hello}. */
    @Test
    void test_hello() {
        assertArrayEquals("Hello, World!".getBytes(StandardCharsets.UTF_8), client.get("/hello").data());
    }
}
