package dev.flaskj.templating;

import com.hubspot.jinjava.el.ext.NamedParameter;
import dev.flaskj.Flask;
import dev.flaskj.json.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flask's template functions for Jinja templates. Jinjava hands keyword arguments ({@code page=2}) to a function
 * as {@link NamedParameter} values among the positional ones; these sort them out as Python would.
 */
public final class JinjaFunctions {
    private JinjaFunctions() {}

    /** {@code url_for(endpoint, **values)}, with {@code _external}, {@code _anchor}, {@code _scheme}, {@code _method}. */
    public static String urlFor(String endpoint, Object... args) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Object a : args == null ? new Object[0] : args) {
            if (a instanceof NamedParameter p) {
                values.put(p.getName(), p.getValue());
            } else {
                throw new IllegalArgumentException("url_for() takes the endpoint and keyword arguments only");
            }
        }
        return Flask.urlFor(endpoint, values);
    }

    /**
     * {@code get_flashed_messages(with_categories=false, category_filter=())}: messages, or (category, message)
     * pairs that unpack in {@code {% for category, message in ... %}}.
     */
    public static List<?> getFlashedMessages(Object... args) {
        boolean withCategories = false;
        Object filter = null;
        int positional = 0;
        for (Object a : args == null ? new Object[0] : args) {
            if (a instanceof NamedParameter p) {
                switch (p.getName()) {
                    case "with_categories" -> withCategories = truthy(p.getValue());
                    case "category_filter" -> filter = p.getValue();
                    default -> throw new IllegalArgumentException("get_flashed_messages() got an unexpected keyword"
                            + " argument '" + p.getName() + "'");
                }
            } else if (positional++ == 0) {
                withCategories = truthy(a);
            } else {
                filter = a;
            }
        }
        String[] categories = categories(filter);
        if (!withCategories) {
            return Flask.getFlashedMessages(categories);
        }
        List<Object> pairs = new ArrayList<>();
        for (dev.flaskj.FlashMessage m : Flask.getFlashedMessagesWithCategories(categories)) {
            pairs.add(Tuple.of(m.category(), m.message()));
        }
        return pairs;
    }

    private static String[] categories(Object filter) {
        if (filter == null) {
            return new String[0];
        }
        if (filter instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toArray(String[]::new);
        }
        if (filter instanceof Object[] a) {
            return java.util.Arrays.stream(a).map(String::valueOf).toArray(String[]::new);
        }
        return new String[] {String.valueOf(filter)};
    }

    private static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return true;
    }
}
