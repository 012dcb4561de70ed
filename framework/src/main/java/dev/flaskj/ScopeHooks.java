package dev.flaskj;

import dev.flaskj.exceptions.HttpException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hooks and error handlers of one scope: the app ({@code ""}) or one blueprint
 * (Flask: the per-name entries of {@code before_request_funcs}, {@code error_handler_spec}, ...).
 */
final class ScopeHooks {
    final List<BeforeRequestFunction> before = new ArrayList<>();
    final List<AfterRequestFunction> after = new ArrayList<>();
    final List<TeardownFunction> teardown = new ArrayList<>();
    final List<ContextProcessorFunction> contextProcessors = new ArrayList<>();
    final List<UrlValuePreprocessorFunction> urlValuePreprocessors = new ArrayList<>();
    final List<UrlDefaultsFunction> urlDefaults = new ArrayList<>();
    final Map<Integer, ErrorHandlerFunction<Throwable>> byCode = new HashMap<>();
    final Map<Class<?>, ErrorHandlerFunction<Throwable>> byClass = new LinkedHashMap<>();

    void addErrorHandler(int code, ErrorHandlerFunction<Throwable> handler) {
        if (!HttpException.isKnownCode(code)) {
            throw new IllegalArgumentException("'" + code + "' is not a recognized HTTP error code. Use a subclass"
                    + " of HttpException with that code instead.");
        }
        byCode.put(code, handler);
    }

    void addErrorHandler(Class<? extends Throwable> type, ErrorHandlerFunction<Throwable> handler) {
        Integer code = codeOf(type);
        if (code != null) {
            // Flask: errorhandler(NotFound) is the same registration as errorhandler(404).
            byCode.put(code, handler);
        } else {
            byClass.put(type, handler);
        }
    }

    /** The code of an HttpException subclass whose instances all share one code, found by instantiating it. */
    private static Integer codeOf(Class<? extends Throwable> type) {
        if (!HttpException.class.isAssignableFrom(type) || type == HttpException.class) {
            return null;
        }
        try {
            var ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ((HttpException) ctor.newInstance()).code();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    ErrorHandlerFunction<Throwable> forCode(int code) {
        return byCode.get(code);
    }

    ErrorHandlerFunction<Throwable> forClass(Class<?> type) {
        return byClass.isEmpty() ? null : byClass.get(type);
    }
}
