package dev.flaskj;

import dev.flaskj.internal.HtmlSafe;
import dev.flaskj.json.Tuple;
import dev.flaskj.sessions.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Message flashing over the session, stored as Flask stores it: {@code _flashes} is a list of
 * {@code (category, message)} tuples.
 */
final class Flashes {
    static final String KEY = "_flashes";

    private Flashes() {}

    static void add(Session session, String category, Object message) {
        List<Object> flashes = new ArrayList<>(entries(session.get(KEY)));
        flashes.add(tuple(category, message));
        session.put(KEY, flashes); // assigned back, so the session is modified
    }

    /** The first call of a request pops all flashes into the context; later calls reuse them. */
    static List<FlashMessage> take(RequestContext ctx, String... categoryFilter) {
        List<FlashMessage> flashes = ctx.flashes();
        if (flashes == null) {
            Session session = ctx.session();
            flashes = session.containsKey(KEY) ? parse(session.remove(KEY)) : List.of();
            ctx.setFlashes(flashes);
        }
        if (categoryFilter.length == 0) {
            return flashes;
        }
        Set<String> keep = Set.copyOf(Arrays.asList(categoryFilter));
        List<FlashMessage> out = new ArrayList<>();
        for (FlashMessage m : flashes) {
            if (keep.contains(m.category())) {
                out.add(m);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static List<FlashMessage> parse(Object stored) {
        List<FlashMessage> out = new ArrayList<>();
        for (Object entry : entries(stored)) {
            List<?> pair = pair(entry);
            if (pair.size() == 2) {
                out.add(new FlashMessage(text(pair.get(0)), text(pair.get(1))));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static List<?> entries(Object stored) {
        return stored instanceof List<?> l ? l : List.of();
    }

    private static List<?> pair(Object entry) {
        if (entry instanceof List<?> l) {
            return l;
        }
        if (entry instanceof Object[] a) {
            return Arrays.asList(a);
        }
        return List.of();
    }

    private static String text(Object o) {
        return o instanceof HtmlSafe h ? h.html() : String.valueOf(o);
    }

    /** A Python tuple, in the Java type the tagged JSON serializer writes as {@code {" t": [...]}}. */
    static Object tuple(String category, Object message) {
        return Tuple.of(category, message);
    }
}
