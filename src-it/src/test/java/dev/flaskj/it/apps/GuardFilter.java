package dev.flaskj.it.apps;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A container-level guard, mapped on /admin/* before flaskj: it refuses everything it is asked about. */
public class GuardFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
        HttpServletResponse res = (HttpServletResponse) response;
        res.setStatus(403);
        res.setContentType("text/plain");
        res.getWriter().write("GUARD");
    }
}
