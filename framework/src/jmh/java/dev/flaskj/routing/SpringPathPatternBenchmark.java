package dev.flaskj.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The side-by-side row for {@link RoutingBenchmark}: Spring's {@code PathPattern} matching the same rule set the
 * way Spring MVC's handler mapping does (benchmark scope only; Spring is never a dependency of flaskj).
 *
 * <p>Spring MVC looks a request path up in a map of pattern-free paths first; otherwise it tries every pattern
 * against the parsed path and keeps the most specific match. The path is parsed once per request, as
 * {@code ServletRequestPathUtils} does. Rules: {@code /r{i}/{id}}, {@code /s{i}/static}, {@code /u{i}/{name}/edit}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpringPathPatternBenchmark {
    @Param({"10", "1000", "10000"})
    int rules;

    private final Map<String, String> direct = new HashMap<>();
    private final List<PathPattern> patterns = new ArrayList<>();
    private String dynamicPath;
    private String staticPath;
    private String editPath;

    @Setup
    public void setUp() {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        int groups = Math.max(1, rules / 3);
        for (int i = 0; i < groups; i++) {
            patterns.add(parser.parse("/r" + i + "/{id}"));
            direct.put("/s" + i + "/static", "s" + i);
            patterns.add(parser.parse("/u" + i + "/{name}/edit"));
        }
        patterns.add(parser.parse("/user/{name}"));
        int last = groups - 1;
        dynamicPath = "/r" + last + "/12345";
        staticPath = "/s" + last + "/static";
        editPath = "/u" + last + "/alice/edit";
    }

    private Object match(String path) {
        PathContainer parsed = PathContainer.parsePath(path);
        String endpoint = direct.get(path);
        if (endpoint != null) {
            return endpoint;
        }
        PathPattern best = null;
        PathPattern.PathMatchInfo bestInfo = null;
        for (PathPattern p : patterns) {
            PathPattern.PathMatchInfo info = p.matchAndExtract(parsed);
            if (info != null && (best == null || p.compareTo(best) < 0)) {
                best = p;
                bestInfo = info;
            }
        }
        return bestInfo;
    }

    @Benchmark
    public Object matchDynamic() {
        return match(dynamicPath);
    }

    @Benchmark
    public Object matchStatic() {
        return match(staticPath);
    }

    @Benchmark
    public Object matchTwoSegments() {
        return match(editPath);
    }
}
