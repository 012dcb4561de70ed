package dev.flaskj.templating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Template names as Jinja's {@code split_template_path} treats them. */
class TemplateFoldersTest {

    @CsvSource(nullValues = "REFUSED", textBlock = """
            hello.html,            hello.html
            /hello.html,           hello.html
            ./sub//inner.html,     sub/inner.html
            sub/./x.html,          sub/x.html
            ../x.html,             REFUSED
            sub/../x.html,         REFUSED
            'a\\b.html',           REFUSED
            '',                    REFUSED
            /,                     REFUSED
            """)
    @ParameterizedTest(name = "{0} -> {1}")
    void normalise(String name, String expected) {
        assertEquals(expected, TemplateFolders.normalise(name));
    }
}
