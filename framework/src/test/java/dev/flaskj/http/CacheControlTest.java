package dev.flaskj.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cache-Control directives, ported from Werkzeug's {@code tests/test_datastructures.py} class
 * {@code TestCacheControl} ({@code test_set_none}, {@code test_no_transform}, {@code test_min_fresh},
 * {@code test_must_understand}, {@code test_stale_while_revalidate}, {@code test_stale_if_error}) and
 * {@code tests/test_http.py} {@code TestHTTPUtility.test_cache_control_header}.
 */
class CacheControlTest {
    @Test
    void setNone() {
        CacheControl cc = CacheControl.of("max-age=0", null);
        assertFalse(cc.isNoCache());
        cc.setNoCache(false);
        assertFalse(cc.isNoCache());
        assertEquals("max-age=0", cc.toHeader());
    }

    @Test
    void noTransform() {
        assertTrue(CacheControl.ofRequest("no-transform").isNoTransform());
        assertFalse(CacheControl.ofRequest(null).isNoTransform());
    }

    @Test
    void minFresh() {
        assertEquals(0, CacheControl.ofRequest("min-fresh=0").getMinFresh());
        assertNull(CacheControl.ofRequest("min-fresh").getMinFresh());
        assertNull(CacheControl.ofRequest("").getMinFresh());
    }

    @Test
    void mustUnderstand() {
        assertTrue(CacheControl.of("must-understand", null).isMustUnderstand());
        assertFalse(CacheControl.of(null, null).isMustUnderstand());
    }

    @Test
    void staleWhileRevalidateAndStaleIfError() {
        assertEquals(1, CacheControl.of("stale-while-revalidate=1", null).getStaleWhileRevalidate());
        assertNull(CacheControl.of(null, null).getStaleWhileRevalidate());
        assertEquals(1, CacheControl.of("stale-if-error=1", null).getStaleIfError());
        assertNull(CacheControl.of(null, null).getStaleIfError());
    }

    @Test
    void cacheControlHeader() {
        CacheControl req = CacheControl.ofRequest("max-age=0, no-cache");
        assertEquals(0, req.getMaxAge());
        assertTrue(req.isNoCache());
        CacheControl priv = CacheControl.of("private, community=\"UCI\"", null);
        assertTrue(priv.isPrivate());
        assertEquals("UCI", priv.get("community"));

        CacheControl c = CacheControl.of(null, null);
        assertFalse(c.isNoCache());
        assertFalse(c.isPrivate());
        c.setNoCache(true);
        assertTrue(c.isNoCache());
        c.setPrivate(true);
        assertTrue(c.isPrivate());
        c.setPrivate(false);
        assertFalse(c.isPrivate());
        c.setMaxAge(3);
        assertEquals(3, c.getMaxAge());
        assertEquals("3", c.get("max-age"));
        c.setMaxAge((Integer) null);
        c.setSMaxage(3);
        assertEquals(3, c.getSMaxage());
        c.setSMaxage(null);
        assertEquals("no-cache", c.toHeader());
    }

    @Test
    void everyResponseDirectiveInTheOrderSetAndWrittenThrough() {
        List<String> written = new ArrayList<>();
        CacheControl c = CacheControl.of(null, cc -> written.add(cc.toHeader()));
        c.setPublic(true);
        c.setMaxAge(60);
        c.setSMaxage(120);
        c.setNoTransform(true);
        c.setMustRevalidate(true);
        c.setProxyRevalidate(true);
        c.setImmutable(true);
        c.setMustUnderstand(true);
        c.setStaleWhileRevalidate(30);
        c.setStaleIfError(40);
        c.setNoStore(true);
        // python3: ResponseCacheControl with the same assignments -> the same to_header()
        assertEquals("public, max-age=60, s-maxage=120, no-transform, must-revalidate, proxy-revalidate, immutable,"
                + " must-understand, stale-while-revalidate=30, stale-if-error=40, no-store", c.toHeader());
        assertEquals(c.toHeader(), written.get(written.size() - 1));
        assertTrue(c.isPublic() && c.isMustRevalidate() && c.isProxyRevalidate() && c.isImmutable()
                && c.isNoStore() && c.isNoTransform());
        c.setPublic(false);
        assertFalse(c.toHeader().contains("public"));
        int before = written.size();
        c.setPublic(false);
        assertEquals(before, written.size(), "removing an absent flag is no change");
    }

    @Test
    void requestCacheControlIsReadOnlyAndLenient() {
        CacheControl r = CacheControl.ofRequest("max-age=abc, max-stale, min-fresh=5, only-if-cached");
        assertNull(r.getMaxAge(), "a non-integer value reads as null (Werkzeug 3.1)");
        assertEquals(-1, r.getMaxStale(), "bare max-stale");
        assertEquals(5, r.getMinFresh());
        assertTrue(r.isOnlyIfCached());
        assertThrows(UnsupportedOperationException.class, () -> r.setMaxAge(1));
        assertEquals(7, CacheControl.ofRequest("max-stale=7").getMaxStale());
    }
}
