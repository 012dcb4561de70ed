package dev.flaskj.routing;

/**
 * One step of building a rule's URL path: literal (already quoted) text, or a variable's converted value.
 *
 * <p>Werkzeug 3.x builds a Python function per rule ({@code Rule._compile_builder}); flaskj keeps the same steps
 * as data.
 */
sealed interface BuildStep permits BuildStep.Literal, BuildStep.Slot {
    /** Appends this step's text for {@code value} (ignored by literals). */
    void append(StringBuilder out, Object value);

    /** The variable this step reads, or null for a literal. */
    String name();

    /**
     * Percent-encoded literal text.
     *
     * @param text the encoded text
     */
    record Literal(String text) implements BuildStep {
        @Override
        public void append(StringBuilder out, Object value) {
            out.append(text);
        }

        @Override
        public String name() {
            return null;
        }
    }

    /**
     * A variable of the rule.
     *
     * @param name      the variable name
     * @param converter its converter, whose {@link Converter#toUrl(Object)} gives the text
     */
    record Slot(String name, Converter converter) implements BuildStep {
        @Override
        public void append(StringBuilder out, Object value) {
            out.append(converter.toUrl(value));
        }
    }
}
