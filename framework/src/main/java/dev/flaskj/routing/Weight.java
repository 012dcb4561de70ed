package dev.flaskj.routing;

import java.util.List;

/**
 * The sort key of a dynamic rule part: lower weights are tried first.
 *
 * <p>Werkzeug 3.x: {@code rules.py Weighting}, compared as the tuple
 * {@code (-len(static), static, -len(converters), converters)}: more literal chunks first, then longer literal
 * text at the same chunk index, then more converters, then lower converter weights (Werkzeug:
 * {@code Rule._get_weight}).
 *
 * @param staticChunks     the literal chunks of the part, in order
 * @param converterWeights the {@link Converter#weight()} of each converter of the part, in order
 */
record Weight(List<Chunk> staticChunks, List<Integer> converterWeights) implements Comparable<Weight> {
    /** The weight of a part without chunks or converters (static parts). */
    static final Weight NONE = new Weight(List.of(), List.of());

    /**
     * One literal chunk: Werkzeug's {@code (index, -length)} pair.
     *
     * @param index  the chunk's position among the part's literal chunks
     * @param length its length in code points
     */
    record Chunk(int index, int length) implements Comparable<Chunk> {
        @Override
        public int compareTo(Chunk o) {
            int c = Integer.compare(index, o.index);
            return c != 0 ? c : Integer.compare(o.length, length); // -length ascending: longer first
        }
    }

    Weight {
        staticChunks = List.copyOf(staticChunks);
        converterWeights = List.copyOf(converterWeights);
    }

    @Override
    public int compareTo(Weight o) {
        int c = Integer.compare(o.staticChunks.size(), staticChunks.size());
        if (c == 0) {
            c = compareLists(staticChunks, o.staticChunks);
        }
        if (c == 0) {
            c = Integer.compare(o.converterWeights.size(), converterWeights.size());
        }
        return c != 0 ? c : compareLists(converterWeights, o.converterWeights);
    }

    /** Python's list order: element by element, then the shorter list first. */
    private static <T extends Comparable<T>> int compareLists(List<T> a, List<T> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
