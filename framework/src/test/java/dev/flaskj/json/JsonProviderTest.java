package dev.flaskj.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonProviderTest {
    private final JsonProvider json = new JsonProvider();

    /** A JavaBean, which only JSON-B knows how to write. */
    public static class Bean {
        private String zeta = "é";
        private int alpha = 3;
        private List<Integer> items = List.of(2, 1);

        public String getZeta() {
            return zeta;
        }

        public void setZeta(String zeta) {
            this.zeta = zeta;
        }

        public int getAlpha() {
            return alpha;
        }

        public void setAlpha(int alpha) {
            this.alpha = alpha;
        }

        public List<Integer> getItems() {
            return items;
        }

        public void setItems(List<Integer> items) {
            this.items = items;
        }
    }

    @AfterEach
    void close() {
        json.close();
    }

    @Test
    void beansGoThroughJsonbAndComeOutInFlasksForm() {
        assertEquals("{\"alpha\":3,\"items\":[2,1],\"zeta\":\"\\u00e9\"}", json.dumps(new Bean(), false));
        assertEquals("{\"b\":[{\"alpha\":3,\"items\":[2,1],\"zeta\":\"\\u00e9\"}],\"d\":\"Tue, 02 Jan 2024 00:00:00 GMT\"}",
                json.dumps(Map.of("b", List.of(new Bean()), "d", LocalDate.of(2024, 1, 2)), false));
    }

    @Test
    void prettyInDebug() {
        assertEquals("{\n  \"a\": [\n    1\n  ]\n}", json.dumps(Map.of("a", List.of(1)), true));
    }

    @Test
    void fromJsonBindsBeansAndKeepsPlainTypes() throws JsonDecodeException {
        Bean bean = json.fromJson("{\"zeta\":\"z\",\"alpha\":7,\"items\":[5]}", Bean.class);
        assertEquals("z", bean.getZeta());
        assertEquals(7, bean.getAlpha());
        assertEquals(List.of(5), bean.getItems());
        assertEquals(Map.of("a", 1), json.fromJson("{\"a\":1}", Map.class));
        assertEquals(List.of(1L << 40), json.fromJson("[1099511627776]", Object.class));
    }

    @Test
    void fromJsonErrors() {
        JsonDecodeException syntax = assertThrows(JsonDecodeException.class, () -> json.fromJson("{", Bean.class));
        assertEquals("Expecting property name enclosed in double quotes: line 1 column 2 (char 1)", syntax.getMessage());
        JsonDecodeException binding = assertThrows(JsonDecodeException.class,
                () -> json.fromJson("{\"alpha\":\"x\"}", Bean.class));
        assertEquals(-1, binding.position());
        assertTrue(binding.getMessage().startsWith("Cannot convert JSON to " + Bean.class.getName()), binding.getMessage());
    }

    @Test
    void loadsIsPythons() throws JsonDecodeException {
        assertEquals(List.of(1, 2.5), json.loads("[1, 2.5]"));
    }

    @Test
    void closedProviderRefusesJsonb() {
        json.close();
        assertEquals("[1]", json.dumps(List.of(1), false));
        assertThrows(IllegalStateException.class, () -> json.dumps(new Bean(), false));
    }
}
