package dev.flaskj.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@code Cache-Control} header as directives (Werkzeug: {@code RequestCacheControl},
 * {@code ResponseCacheControl}).
 *
 * <pre>{@code
 * CacheControl cc = response.cacheControl();
 * cc.setPublic(true);
 * cc.setMaxAge(3600);          // Cache-Control: public, max-age=3600
 * if (request().cacheControl().isNoCache()) { ... }
 * }</pre>
 * Directives keep the order in which they were parsed or first set, and are written in that order. A flag
 * directive ({@code no-store}) is present or not; a numeric getter returns null when the directive is absent
 * or its value is not an integer; setting a numeric directive to null removes it. The response's instance
 * writes every change straight through to its {@code Cache-Control} header (removing the header when the
 * last directive goes); the request's instance is read-only and its setters throw
 * {@link UnsupportedOperationException}.
 */
public final class CacheControl {
    private final Map<String, String> values;
    private final Consumer<CacheControl> onUpdate;
    private final boolean readOnly;

    private CacheControl(Map<String, String> values, Consumer<CacheControl> onUpdate, boolean readOnly) {
        this.values = values;
        this.onUpdate = onUpdate;
        this.readOnly = readOnly;
    }

    /** The read-only directives of a request header (null or empty: none). */
    public static CacheControl ofRequest(String header) {
        return new CacheControl(parseValues(header), null, true);
    }

    /** Mutable directives parsed from {@code header}; {@code onUpdate} (may be null) is called after each change. */
    public static CacheControl of(String header, Consumer<CacheControl> onUpdate) {
        return new CacheControl(parseValues(header), onUpdate, false);
    }

    private static Map<String, String> parseValues(String header) {
        return header == null || header.isEmpty() ? new LinkedHashMap<>() : HeaderValues.parseDict(header);
    }

    /** Every directive: name to value, null for a directive without value (read-only view). */
    public Map<String, String> directives() {
        return Collections.unmodifiableMap(values);
    }

    /** Whether {@code directive} is present. */
    public boolean has(String directive) {
        return values.containsKey(directive);
    }

    /** The raw value of {@code directive}; null when absent or without value. */
    public String get(String directive) {
        return values.get(directive);
    }

    /** Sets {@code directive} to {@code value} (null: a directive without value). */
    public CacheControl set(String directive, String value) {
        checkWritable();
        values.put(directive, value);
        changed();
        return this;
    }

    /** Removes {@code directive}. */
    public CacheControl remove(String directive) {
        checkWritable();
        if (values.containsKey(directive)) {
            values.remove(directive);
            changed();
        }
        return this;
    }

    /** Whether there are no directives. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    private void checkWritable() {
        if (readOnly) {
            throw new UnsupportedOperationException("the request's Cache-Control is read-only");
        }
    }

    private void changed() {
        if (onUpdate != null) {
            onUpdate.accept(this);
        }
    }

    private boolean flag(String key) {
        return values.containsKey(key);
    }

    private void setFlag(String key, boolean on) {
        checkWritable();
        if (on) {
            values.put(key, null);
            changed();
        } else if (values.containsKey(key)) {
            values.remove(key);
            changed();
        }
    }

    private Integer number(String key) {
        if (!values.containsKey(key)) {
            return null;
        }
        Long v = HeaderValues.parseInt(values.get(key));
        return v == null || v != v.intValue() ? null : v.intValue();
    }

    private void setNumber(String key, Integer value) {
        checkWritable();
        if (value == null) {
            if (values.containsKey(key)) {
                values.remove(key);
                changed();
            }
        } else {
            values.put(key, Integer.toString(value));
            changed();
        }
    }

    // ------------------------------------------------------------------ request and response

    /** {@code no-store}. */
    public boolean isNoStore() {
        return flag("no-store");
    }

    /** Adds or removes {@code no-store}. */
    public void setNoStore(boolean on) {
        setFlag("no-store", on);
    }

    /** {@code max-age} in seconds, or null. */
    public Integer getMaxAge() {
        return number("max-age");
    }

    /** Sets {@code max-age}. */
    public void setMaxAge(int seconds) {
        setNumber("max-age", seconds);
    }

    /** Sets or (null) removes {@code max-age}. */
    public void setMaxAge(Integer seconds) {
        setNumber("max-age", seconds);
    }

    /** {@code no-transform}. */
    public boolean isNoTransform() {
        return flag("no-transform");
    }

    /** Adds or removes {@code no-transform}. */
    public void setNoTransform(boolean on) {
        setFlag("no-transform", on);
    }

    /** {@code stale-if-error} in seconds, or null. */
    public Integer getStaleIfError() {
        return number("stale-if-error");
    }

    /** Sets or (null) removes {@code stale-if-error}. */
    public void setStaleIfError(Integer seconds) {
        setNumber("stale-if-error", seconds);
    }

    /**
     * {@code no-cache}: present, with or without a value. On a response the value may name headers
     * ({@code no-cache="Set-Cookie"}): see {@link #get(String)}.
     */
    public boolean isNoCache() {
        return flag("no-cache");
    }

    /** Adds {@code no-cache} without a value, or removes it. */
    public void setNoCache(boolean on) {
        setFlag("no-cache", on);
    }

    // ------------------------------------------------------------------ request only

    /**
     * {@code max-stale}: null when absent, -1 when present without a value (any staleness), else the seconds.
     * Werkzeug answers {@code True} for the bare directive.
     */
    public Integer getMaxStale() {
        if (values.containsKey("max-stale") && values.get("max-stale") == null) {
            return -1;
        }
        return number("max-stale");
    }

    /** {@code min-fresh} in seconds, or null. */
    public Integer getMinFresh() {
        return number("min-fresh");
    }

    /** {@code only-if-cached}. */
    public boolean isOnlyIfCached() {
        return flag("only-if-cached");
    }

    // ------------------------------------------------------------------ response only

    /** {@code public}. */
    public boolean isPublic() {
        return flag("public");
    }

    /** Adds or removes {@code public}. */
    public void setPublic(boolean on) {
        setFlag("public", on);
    }

    /** {@code private}, with or without a value (which may name headers: see {@link #get(String)}). */
    public boolean isPrivate() {
        return flag("private");
    }

    /** Adds {@code private} without a value, or removes it. */
    public void setPrivate(boolean on) {
        setFlag("private", on);
    }

    /** {@code must-revalidate}. */
    public boolean isMustRevalidate() {
        return flag("must-revalidate");
    }

    /** Adds or removes {@code must-revalidate}. */
    public void setMustRevalidate(boolean on) {
        setFlag("must-revalidate", on);
    }

    /** {@code proxy-revalidate}. */
    public boolean isProxyRevalidate() {
        return flag("proxy-revalidate");
    }

    /** Adds or removes {@code proxy-revalidate}. */
    public void setProxyRevalidate(boolean on) {
        setFlag("proxy-revalidate", on);
    }

    /** {@code s-maxage} in seconds, or null. */
    public Integer getSMaxage() {
        return number("s-maxage");
    }

    /** Sets or (null) removes {@code s-maxage}. */
    public void setSMaxage(Integer seconds) {
        setNumber("s-maxage", seconds);
    }

    /** {@code immutable}. */
    public boolean isImmutable() {
        return flag("immutable");
    }

    /** Adds or removes {@code immutable}. */
    public void setImmutable(boolean on) {
        setFlag("immutable", on);
    }

    /** {@code must-understand}. */
    public boolean isMustUnderstand() {
        return flag("must-understand");
    }

    /** Adds or removes {@code must-understand}. */
    public void setMustUnderstand(boolean on) {
        setFlag("must-understand", on);
    }

    /** {@code stale-while-revalidate} in seconds, or null. */
    public Integer getStaleWhileRevalidate() {
        return number("stale-while-revalidate");
    }

    /** Sets or (null) removes {@code stale-while-revalidate}. */
    public void setStaleWhileRevalidate(Integer seconds) {
        setNumber("stale-while-revalidate", seconds);
    }

    /** The header value: directives in order, {@code key=value} quoted where needed (Werkzeug's {@code to_header}). */
    public String toHeader() {
        return HeaderValues.dumpDict(values);
    }

    @Override
    public String toString() {
        return toHeader();
    }
}
