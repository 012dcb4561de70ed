package dev.flaskj.templating;

import dev.flaskj.Flask;
import dev.flaskj.FlaskFilter;
import dev.flaskj.testing.FakeFilterChain;
import dev.flaskj.testing.FakeHttpServletRequest;
import dev.flaskj.testing.FakeHttpServletResponse;
import dev.flaskj.testing.FakeServletContext;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code page} endpoint of {@code scripts/bench.sh} through both template engines side by side, without a
 * container: the same page as a Thymeleaf template ({@link #thymeleaf}) and as its Jinja twin ({@link #jinja}),
 * each rendered by {@code renderTemplate} in a production app dispatched through {@link FlaskFilter} into the
 * test fakes. {@code jinja / thymeleaf} is the ratio the README's Jinja section reports; {@link #jinjaExtends}
 * adds a base template and an include, where a cache of parsed templates matters most.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TemplateBenchmark {
    static final String NAME = "World <&>";

    // The pages of scripts/bench.sh's `page` endpoint, read from the bench's sources so that both benchmarks render
    // the same bytes; JMH runs in framework/ (exec:exec's working directory, inherited by its forks).
    private static final Path BENCH_PAGES = Path.of("..", "src-it", "src", "bench", "resources", "bench");

    static final String JINJA_BASE = "<!DOCTYPE html>\n<html><head><title>{% block title %}{% endblock %}</title>"
            + "</head>\n<body>{% include 'nav.html' %}<main>{% block main %}{% endblock %}</main></body></html>\n";
    static final String JINJA_NAV = "<nav>{% for label in ['Home', 'About', 'Contact'] %}"
            + "<a href=\"/{{ label|lower }}\">{{ label }}</a>{% endfor %}</nav>\n";
    static final String JINJA_CHILD = "{% extends 'base.html' %}{% block title %}Benchmark page{% endblock %}"
            + "{% block main %}<h1>Hello, <span>{{ name }}</span>!</h1>"
            + "<link rel=\"stylesheet\" href=\"{{ url_for('static', filename='style.css') }}\">{% endblock %}";

    private final FakeServletContext servletContext = new FakeServletContext("/myapplication");
    private Path folder;
    private FlaskFilter thymeleaf;
    private FlaskFilter jinja;

    @Setup
    public void setUp() throws IOException, ServletException {
        folder = Files.createTempDirectory("flaskj-template-bench");
        Path th = Files.createDirectories(folder.resolve("thymeleaf"));
        Path jj = Files.createDirectories(folder.resolve("jinja"));
        Files.copy(benchPage("templates"), th.resolve("page.html"));
        Files.copy(benchPage("jinja"), jj.resolve("page.html"));
        Files.writeString(jj.resolve("base.html"), JINJA_BASE, StandardCharsets.UTF_8);
        Files.writeString(jj.resolve("nav.html"), JINJA_NAV, StandardCharsets.UTF_8);
        Files.writeString(jj.resolve("child.html"), JINJA_CHILD, StandardCharsets.UTF_8);
        thymeleaf = new FlaskFilter(app(th, "thymeleaf"));
        jinja = new FlaskFilter(app(jj, "jinja"));
        String a = thymeleaf().bodyText();
        String b = jinja().bodyText();
        if (!a.equals(b)) {
            throw new IllegalStateException("the two pages differ:\n" + a + "\n----\n" + b);
        }
    }

    private static Path benchPage(String folder) {
        Path page = BENCH_PAGES.resolve(folder).resolve("page.html");
        if (!Files.isRegularFile(page)) {
            throw new IllegalStateException("no " + page.toAbsolutePath().normalize()
                    + ": run the benchmarks from the repository as its README says (mvn -Pjmh -pl framework ...)");
        }
        return page;
    }

    private static Flask app(Path templates, String engine) {
        Flask app = new Flask("bench");
        app.config().put("TEMPLATE_FOLDER", templates.toString());
        app.config().put("TEMPLATE_ENGINE", engine);
        app.addUrlRule("/page", "page", args -> Flask.renderTemplate("page.html", "name", NAME));
        app.addUrlRule("/child", "child", args -> Flask.renderTemplate("child.html", "name", NAME));
        return app;
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private FakeHttpServletResponse run(FlaskFilter filter, String path) throws IOException, ServletException {
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/myapplication" + path);
        req.setContextPath("/myapplication");
        req.setServletContext(servletContext);
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        filter.doFilter(req, res, new FakeFilterChain());
        return res;
    }

    @Benchmark
    public FakeHttpServletResponse thymeleaf() throws IOException, ServletException {
        return run(thymeleaf, "/page");
    }

    @Benchmark
    public FakeHttpServletResponse jinja() throws IOException, ServletException {
        return run(jinja, "/page");
    }

    @Benchmark
    public FakeHttpServletResponse jinjaExtends() throws IOException, ServletException {
        return run(jinja, "/child");
    }
}
