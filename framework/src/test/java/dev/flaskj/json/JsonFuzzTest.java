package dev.flaskj.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed JSON only ever produces JsonDecodeException, from the plain and the tagged reader. */
class JsonFuzzTest {
    private static final String SAMPLE = "{\"_flashes\":[{\" t\":[\"message\",\"Hi \\u00e9\\ud83d\\ude00\"]}],"
            + "\"b\":{\" b\":\"AP8=\"},\"d\":{\" d\":\"Tue, 02 Jan 2024 03:04:05 GMT\"},\"f\":-1.5e-07,"
            + "\"n\":null,\"u\":{\" u\":\"12345678123456781234567812345678\"},\"x\":{\" di\":{\" t__\":[true,false]}}}";
    private static final String PIECES = "{}[]\",:\\ \n\t0123456789-+.eEtrufalsnNIy \" t\" b\" m\" u\" d\" di\\u12é😀";
    private final TaggedJson tagged = new TaggedJson(TestMarkup::new);

    @Test
    void everyTruncationAndMutationOfAValidDocument() {
        for (int i = 0; i < SAMPLE.length(); i++) {
            check(SAMPLE.substring(0, i));
            check(SAMPLE.substring(i));
            for (char c : "{}[]\",:\\x0".toCharArray()) {
                check(SAMPLE.substring(0, i) + c + SAMPLE.substring(i + 1));
                check(SAMPLE.substring(0, i) + c + SAMPLE.substring(i));
            }
        }
    }

    @Test
    void randomDocuments() {
        Random random = new Random(3);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                sb.append(PIECES.charAt(random.nextInt(PIECES.length())));
            }
            check(sb.toString());
        }
    }

    @Test
    void deepNestingOfEveryKind() {
        for (String open : new String[] {"[", "{\"a\":", "{\" t\":", "[{\" di\":{\" t__\":"}) {
            String text = open.repeat(50_000);
            assertThrows(JsonDecodeException.class, () -> CompactJson.loads(text));
            assertThrows(JsonDecodeException.class, () -> tagged.loads(text));
        }
    }

    @Test
    void sampleItselfIsValid() throws JsonDecodeException {
        assertEquals(SAMPLE, tagged.dumps(tagged.loads(SAMPLE)));
    }

    private void check(String text) {
        try {
            CompactJson.loads(text);
        } catch (JsonDecodeException expected) {
            // fine
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("CompactJson.loads(" + text + ") threw " + e, e);
        }
        try {
            tagged.loads(text);
        } catch (JsonDecodeException expected) {
            // fine
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("TaggedJson.loads(" + text + ") threw " + e, e);
        }
    }
}
