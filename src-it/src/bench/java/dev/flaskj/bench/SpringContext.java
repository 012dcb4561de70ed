package dev.flaskj.bench;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JsonbHttpMessageConverter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Spring MVC 6.2 as its users write it without Boot: one {@code DispatcherServlet}, annotated controllers,
 * JSON-B message converter on the shared Yasson instance, Thymeleaf through thymeleaf-spring6.
 */
final class SpringContext {
    private SpringContext() {}

    static void install(ServletContext sc) {
        AnnotationConfigWebApplicationContext wac = new AnnotationConfigWebApplicationContext();
        wac.register(Config.class);
        ServletRegistration.Dynamic reg = sc.addServlet("dispatcher", new DispatcherServlet(wac));
        reg.setLoadOnStartup(1);
        reg.addMapping("/");
    }

    @Configuration
    @EnableWebMvc
    static class Config implements WebMvcConfigurer {
        @Override
        public void configureMessageConverters(List<HttpMessageConverter<?>> converters) {
            converters.add(new StringHttpMessageConverter(StandardCharsets.UTF_8));
            converters.add(new JsonbToString());
        }

        @Bean
        SpringResourceTemplateResolver templateResolver(ApplicationContext context) {
            SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
            resolver.setApplicationContext(context);
            resolver.setPrefix("/templates/");
            resolver.setSuffix(".html");
            resolver.setTemplateMode(TemplateMode.HTML);
            resolver.setCharacterEncoding("UTF-8");
            resolver.setCacheable(true);
            return resolver;
        }

        @Bean
        SpringTemplateEngine templateEngine(SpringResourceTemplateResolver resolver) {
            SpringTemplateEngine engine = new SpringTemplateEngine();
            engine.setTemplateResolver(resolver);
            engine.setEnableSpringELCompiler(true);
            return engine;
        }

        @Bean
        ThymeleafViewResolver thymeleafViewResolver(SpringTemplateEngine engine) {
            ThymeleafViewResolver resolver = new ThymeleafViewResolver();
            resolver.setTemplateEngine(engine);
            resolver.setCharacterEncoding("UTF-8");
            return resolver;
        }

        @Bean
        Endpoints endpoints() {
            return new Endpoints();
        }

        @Bean
        Pages pages() {
            return new Pages();
        }

        /** The 200 extra dynamic routes, registered programmatically once the handler mapping is ready. */
        @Bean
        SmartInitializingSingleton extraRoutes(RequestMappingHandlerMapping mapping, Endpoints endpoints) {
            return () -> {
                Method extra;
                try {
                    extra = Endpoints.class.getMethod("extra", String.class);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < Fixtures.EXTRA_ROUTES; i++) {
                    mapping.registerMapping(RequestMappingInfo.paths("/extra" + i + "/{id}")
                            .methods(RequestMethod.GET).options(mapping.getBuilderConfiguration()).build(),
                            endpoints, extra);
                }
            };
        }
    }

    /**
     * Spring's JSON-B converter on the shared Yasson instance, writing through a string as the other contexts do:
     * Yasson closes a writer it is given, and Spring's converter flushes it afterwards ("Stream closed").
     */
    static final class JsonbToString extends JsonbHttpMessageConverter {
        /** One Yasson instance (thread-safe once built). */
        private static final jakarta.json.bind.Jsonb JSONB = jakarta.json.bind.JsonbBuilder.create();

        JsonbToString() {
            super(JSONB);
        }

        @Override
        protected void writeInternal(Object object, java.lang.reflect.Type type, java.io.Writer writer)
                throws java.io.IOException {
            // Flask's jsonify ends the body with a newline; the converter writes the same bytes.
            writer.write(getJsonb().toJson(object));
            writer.write('\n');
        }
    }

    @RestController
    public static class Endpoints {
        @GetMapping("/hello")
        public String hello() {
            return "Hello, World!";
        }

        @GetMapping("/user/{name}")
        public String user(@PathVariable String name) {
            return "User " + name;
        }

        public String extra(@PathVariable String id) {
            return "extra " + id;
        }

        @GetMapping("/json")
        public Item json() {
            return Fixtures.ITEM;
        }

        @GetMapping("/session")
        public String session(@CookieValue(name = "session", required = false) String cookie,
                jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res) {
            String[] bumped = Fixtures.bumpCounter(cookie);
            res.addHeader("Set-Cookie", Fixtures.sessionSetCookie(bumped[0], req.getContextPath()));
            res.addHeader("Vary", "Cookie");
            return bumped[1];
        }
    }

    @Controller
    public static class Pages {
        @GetMapping("/page")
        public String page(Model model) {
            model.addAttribute("name", Fixtures.NAME);
            return "page";
        }
    }
}
