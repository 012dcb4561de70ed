package dev.flaskj.routing;

import java.util.List;
import java.util.Map;

/**
 * Creates a {@link Converter} from the arguments written in a rule, e.g. {@code int(min=1, max=10)}.
 *
 * <p>Werkzeug: a converter class in {@code Map.converters}, called as {@code cls(map, *args, **kwargs)}.
 * Positional arguments come in {@code args}, {@code key=value} ones in {@code kwargs} (in rule order). Values are
 * {@code Boolean}, {@code null} (for {@code None}), {@code Integer}/{@code Long}/{@code BigInteger},
 * {@code Double} or {@code String}, as Werkzeug's {@code parse_converter_args} reads them. Throw
 * {@link IllegalArgumentException} for arguments you don't accept; {@link UrlMap#add(RuleSpec)} reports it as a
 * {@link RuleSyntaxException} naming the rule.
 * <pre>{@code
 * map.converters().register("hex", (args, kwargs) -> new HexConverter());
 * }</pre>
 */
@FunctionalInterface
public interface ConverterFactory {
    /** A converter for one placeholder; {@code args} and {@code kwargs} are unmodifiable. */
    Converter create(List<Object> args, Map<String, Object> kwargs);
}
