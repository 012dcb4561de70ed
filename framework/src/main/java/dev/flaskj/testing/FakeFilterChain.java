package dev.flaskj.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * A {@link FilterChain} that records whether, and with what, it was called: the rest of the web application as
 * seen from a filter under test.
 *
 * <pre>{@code
 * FakeFilterChain chain = new FakeFilterChain();
 * new FlaskFilter(app).doFilter(request, response, chain);
 * assertTrue(chain.wasCalled());
 * }</pre>
 */
public final class FakeFilterChain implements FilterChain {
    private ServletRequest request;
    private ServletResponse response;
    private int calls;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) {
        this.request = request;
        this.response = response;
        calls++;
    }

    /** Whether {@link #doFilter} was called at least once. */
    public boolean wasCalled() {
        return calls > 0;
    }

    /** How many times {@link #doFilter} was called. */
    public int calls() {
        return calls;
    }

    /** The request of the last call, or null if never called. */
    public ServletRequest request() {
        return request;
    }

    /** The response of the last call, or null if never called. */
    public ServletResponse response() {
        return response;
    }
}
