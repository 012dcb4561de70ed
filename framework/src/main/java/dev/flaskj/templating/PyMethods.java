package dev.flaskj.templating;

import com.hubspot.jinjava.el.ext.NamedParameter;
import dev.flaskj.http.MultiDict;
import dev.flaskj.json.Tuple;
import java.beans.FeatureDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.DayOfWeek;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Makes values from Java look like Python's to a Jinja template, ahead of Jinjava's own resolvers:
 * {@code request.form['title']} is undefined when absent (Jinja turns a {@code KeyError} into undefined), record-style
 * accessors ({@code request.method}, {@code message.category}) read as attributes, and templates can call
 * {@code str} methods ({@code upper}, {@code title}, {@code split}, {@code startswith} ...), {@code dict.get(k,
 * default)}, {@code items()}, {@code keys()}, {@code values()}, and {@code strftime} on {@code java.time} values with
 * Python's directives.
 */
final class PyMethods extends ELResolver {
    // Methods of Object and reflection entry points are never reachable from a template.
    private static final Set<String> HIDDEN = Set.of("getClass", "wait", "notify", "notifyAll", "hashCode",
            "clone", "finalize", "toString", "equals");

    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> found = new java.util.HashMap<>();
            if (!Modifier.isPublic(type.getModifiers())) {
                return found;
            }
            for (Method m : type.getMethods()) {
                if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                        && m.getDeclaringClass() != Object.class && !HIDDEN.contains(m.getName())
                        && m.getReturnType() != void.class && Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                    found.put(m.getName(), m);
                }
            }
            return found;
        }
    };

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null || property == null) {
            return null;
        }
        if (base instanceof MultiDict<?> md) {
            context.setPropertyResolved(true);
            // Jinja turns the KeyError of request.form['title'] into undefined: no 400 from a template.
            return md.get(String.valueOf(property), null);
        }
        if (base instanceof Map || base instanceof Collection || base instanceof CharSequence
                || base.getClass().isArray() || !(property instanceof String name)) {
            return null;
        }
        Method accessor = ACCESSORS.get(base.getClass()).get(name);
        if (accessor == null) {
            return null;
        }
        context.setPropertyResolved(true);
        try {
            return accessor.invoke(base);
        } catch (IllegalAccessException e) {
            return null;
        } catch (InvocationTargetException e) {
            throw dev.flaskj.internal.Throwables.sneaky(e.getCause());
        }
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || !(method instanceof String name)) {
            return null;
        }
        Object[] args = params == null ? new Object[0] : params;
        Object result;
        if (base instanceof String s) {
            result = PyStr.call(s, name, args);
        } else if (base instanceof MultiDict<?> md) {
            result = multiDict(md, name, args);
        } else if (base instanceof Map<?, ?> m) {
            result = dict(m, name, args);
        } else if (base instanceof TemporalAccessor t && name.equals("strftime") && args.length == 1) {
            result = strftime(t, String.valueOf(args[0]));
        } else if (base instanceof TemporalAccessor t && name.equals("isoformat") && args.length == 0) {
            result = t.toString();
        } else {
            result = NONE;
        }
        if (result == NONE) {
            return null;
        }
        context.setPropertyResolved(true);
        return result;
    }

    /** Marks "not a Python method this resolver knows"; Jinjava's resolvers are tried next. */
    static final Object NONE = new Object();

    private static Object multiDict(MultiDict<?> md, String name, Object[] args) {
        if (name.equals("get") && (args.length == 1 || args.length == 2)) {
            Object v = md.get(String.valueOf(args[0]), null);
            return v != null ? v : args.length == 2 ? args[1] : null;
        }
        if (name.equals("getlist") && args.length == 1) {
            return md.getList(String.valueOf(args[0]));
        }
        return NONE;
    }

    private static Object dict(Map<?, ?> m, String name, Object[] args) {
        switch (name) {
            case "get":
                if (args.length == 1 || args.length == 2) {
                    return m.containsKey(args[0]) ? m.get(args[0]) : args.length == 2 ? args[1] : null;
                }
                return NONE;
            case "items":
                if (args.length == 0) {
                    List<Object> items = new ArrayList<>(m.size());
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        items.add(Tuple.of(e.getKey(), e.getValue()));
                    }
                    return items;
                }
                return NONE;
            case "keys":
                return args.length == 0 ? new ArrayList<>(m.keySet()) : NONE;
            case "values":
                return args.length == 0 ? new ArrayList<>(m.values()) : NONE;
            default:
                return NONE;
        }
    }

    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /** Python's {@code strftime} (C locale) for the fields the value has. */
    static String strftime(TemporalAccessor t, String format) {
        StringBuilder out = new StringBuilder(format.length() + 16);
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char d = format.charAt(++i);
            boolean unpadded = false;
            if (d == '-' && i + 1 < format.length()) {
                unpadded = true;
                d = format.charAt(++i);
            }
            switch (d) {
                case 'Y' -> out.append(field(t, ChronoField.YEAR, unpadded ? 1 : 4));
                case 'y' -> out.append(pad(t.get(ChronoField.YEAR) % 100, unpadded ? 1 : 2));
                case 'm' -> out.append(field(t, ChronoField.MONTH_OF_YEAR, unpadded ? 1 : 2));
                case 'd' -> out.append(field(t, ChronoField.DAY_OF_MONTH, unpadded ? 1 : 2));
                case 'e' -> out.append(String.format("%2d", t.get(ChronoField.DAY_OF_MONTH)));
                case 'H' -> out.append(field(t, ChronoField.HOUR_OF_DAY, unpadded ? 1 : 2));
                case 'I' -> out.append(pad(hour12(t), unpadded ? 1 : 2));
                case 'M' -> out.append(field(t, ChronoField.MINUTE_OF_HOUR, unpadded ? 1 : 2));
                case 'S' -> out.append(field(t, ChronoField.SECOND_OF_MINUTE, unpadded ? 1 : 2));
                case 'f' -> out.append(pad(t.get(ChronoField.MICRO_OF_SECOND), 6));
                case 'p' -> out.append(t.get(ChronoField.HOUR_OF_DAY) < 12 ? "AM" : "PM");
                case 'j' -> out.append(field(t, ChronoField.DAY_OF_YEAR, unpadded ? 1 : 3));
                case 'A' -> out.append(DAYS[DayOfWeek.from(t).ordinal()]);
                case 'a' -> out.append(DAYS[DayOfWeek.from(t).ordinal()], 0, 3);
                case 'w' -> out.append(DayOfWeek.from(t).getValue() % 7);
                case 'B' -> out.append(MONTHS[t.get(ChronoField.MONTH_OF_YEAR) - 1]);
                case 'b', 'h' -> out.append(MONTHS[t.get(ChronoField.MONTH_OF_YEAR) - 1], 0, 3);
                case 'F' -> out.append(strftime(t, "%Y-%m-%d"));
                case 'T' -> out.append(strftime(t, "%H:%M:%S"));
                case 'D' -> out.append(strftime(t, "%m/%d/%y"));
                case 'x' -> out.append(strftime(t, "%m/%d/%y"));
                case 'X' -> out.append(strftime(t, "%H:%M:%S"));
                case 'c' -> out.append(strftime(t, "%a %b %e %H:%M:%S %Y"));
                case 'z' -> out.append(offset(t, false));
                case 'Z' -> out.append(t.isSupported(ChronoField.OFFSET_SECONDS) ? zoneName(t) : "");
                case '%' -> out.append('%');
                default -> out.append('%').append(unpadded ? "-" : "").append(d);
            }
        }
        return out.toString();
    }

    private static String field(TemporalAccessor t, ChronoField f, int width) {
        return pad(t.get(f), width);
    }

    private static int hour12(TemporalAccessor t) {
        int h = t.get(ChronoField.HOUR_OF_DAY) % 12;
        return h == 0 ? 12 : h;
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static String offset(TemporalAccessor t, boolean colon) {
        if (!t.isSupported(ChronoField.OFFSET_SECONDS)) {
            return "";
        }
        int secs = t.get(ChronoField.OFFSET_SECONDS);
        char sign = secs < 0 ? '-' : '+';
        secs = Math.abs(secs);
        return sign + pad(secs / 3600, 2) + (colon ? ":" : "") + pad(secs / 60 % 60, 2);
    }

    private static String zoneName(TemporalAccessor t) {
        java.time.ZoneId zone = t.query(java.time.temporal.TemporalQueries.zone());
        if (zone instanceof java.time.ZoneOffset o && o.getTotalSeconds() == 0) {
            return "UTC";
        }
        return zone == null ? "" : "UTC" + offset(t, true);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // read-only: templates do not assign to Java objects
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }

    /** Python's {@code str} methods that templates call. */
    static final class PyStr {
        private PyStr() {}

        static Object call(String s, String name, Object[] a) {
            return switch (name) {
                case "upper" -> a.length == 0 ? s.toUpperCase(java.util.Locale.ROOT) : NONE;
                case "lower" -> a.length == 0 ? s.toLowerCase(java.util.Locale.ROOT) : NONE;
                case "title" -> a.length == 0 ? title(s) : NONE;
                case "capitalize" -> a.length == 0 ? (s.isEmpty() ? s
                        : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                                + s.substring(1).toLowerCase(java.util.Locale.ROOT)) : NONE;
                case "strip" -> a.length == 0 ? s.strip() : strip(s, str(a[0]), true, true);
                case "lstrip" -> a.length == 0 ? s.stripLeading() : strip(s, str(a[0]), true, false);
                case "rstrip" -> a.length == 0 ? s.stripTrailing() : strip(s, str(a[0]), false, true);
                case "startswith" -> a.length == 1 ? s.startsWith(str(a[0])) : NONE;
                case "endswith" -> a.length == 1 ? s.endsWith(str(a[0])) : NONE;
                case "replace" -> a.length == 2 ? s.replace(str(a[0]), str(a[1])) : NONE;
                case "split" -> split(s, a);
                case "join" -> a.length == 1 && a[0] instanceof Iterable<?> items ? join(s, items) : NONE;
                case "count" -> a.length == 1 ? count(s, str(a[0])) : NONE;
                case "find" -> a.length == 1 ? s.indexOf(str(a[0])) : NONE;
                case "isdigit" -> a.length == 0 ? !s.isEmpty() && s.chars().allMatch(Character::isDigit) : NONE;
                case "isalpha" -> a.length == 0 ? !s.isEmpty() && s.chars().allMatch(Character::isLetter) : NONE;
                case "zfill" -> a.length == 1 && a[0] instanceof Number w ? zfill(s, w.intValue()) : NONE;
                case "center", "ljust", "rjust" -> NONE;
                default -> NONE;
            };
        }

        private static String str(Object o) {
            return o instanceof NamedParameter p ? String.valueOf(p.getValue()) : String.valueOf(o);
        }

        /** Python's {@code str.title}: a letter after a non-letter is upper case, other letters lower case. */
        static String title(String s) {
            StringBuilder out = new StringBuilder(s.length());
            boolean prevLetter = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                out.append(prevLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
                prevLetter = Character.isLetter(c);
            }
            return out.toString();
        }

        private static String strip(String s, String chars, boolean left, boolean right) {
            int b = 0;
            int e = s.length();
            while (left && b < e && chars.indexOf(s.charAt(b)) >= 0) {
                b++;
            }
            while (right && e > b && chars.indexOf(s.charAt(e - 1)) >= 0) {
                e--;
            }
            return s.substring(b, e);
        }

        private static Object split(String s, Object[] a) {
            String sep = a.length >= 1 && a[0] != null ? str(a[0]) : null;
            int max = a.length >= 2 && a[1] instanceof Number n ? n.intValue() : -1;
            List<String> parts = new ArrayList<>();
            if (sep == null) {
                int i = 0;
                int n = s.length();
                while (i < n) {
                    while (i < n && Character.isWhitespace(s.charAt(i))) {
                        i++;
                    }
                    if (i == n) {
                        break;
                    }
                    if (max >= 0 && parts.size() == max) {
                        parts.add(s.substring(i).stripTrailing());
                        break;
                    }
                    int j = i;
                    while (j < n && !Character.isWhitespace(s.charAt(j))) {
                        j++;
                    }
                    parts.add(s.substring(i, j));
                    i = j;
                }
                return parts;
            }
            if (sep.isEmpty()) {
                throw new IllegalArgumentException("empty separator");
            }
            int start = 0;
            int at;
            while ((max < 0 || parts.size() < max) && (at = s.indexOf(sep, start)) >= 0) {
                parts.add(s.substring(start, at));
                start = at + sep.length();
            }
            parts.add(s.substring(start));
            return parts;
        }

        private static String join(String sep, Iterable<?> items) {
            StringBuilder out = new StringBuilder();
            boolean first = true;
            for (Object o : items) {
                if (!first) {
                    out.append(sep);
                }
                out.append(o);
                first = false;
            }
            return out.toString();
        }

        private static int count(String s, String sub) {
            if (sub.isEmpty()) {
                return s.length() + 1;
            }
            int n = 0;
            for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
                n++;
            }
            return n;
        }

        private static String zfill(String s, int width) {
            return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
        }
    }

    static List<Object> listOf(Object[] a) {
        return Arrays.asList(a);
    }
}
