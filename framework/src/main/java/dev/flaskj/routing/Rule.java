package dev.flaskj.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Stand-in until the routing package lands. */
public final class Rule {
    private final RuleSpec spec;
    private final Set<String> methods;
    private final List<String> arguments = new ArrayList<>();
    private final Pattern pattern;
    private final boolean autoOptions;

    Rule(RuleSpec spec) {
        this.spec = spec;
        Set<String> m = new LinkedHashSet<>();
        for (String s : spec.methods()) {
            m.add(s.toUpperCase(java.util.Locale.ROOT));
        }
        if (m.contains("GET")) {
            m.add("HEAD");
        }
        autoOptions = spec.provideAutomaticOptions() && !m.contains("OPTIONS");
        if (autoOptions) {
            m.add("OPTIONS");
        }
        methods = Set.copyOf(m);
        StringBuilder re = new StringBuilder();
        Matcher v = Pattern.compile("<(?:(\\w+):)?(\\w+)>").matcher(spec.rule());
        int last = 0;
        while (v.find()) {
            re.append(Pattern.quote(spec.rule().substring(last, v.start())));
            re.append("path".equals(v.group(1)) ? "(.+)" : "([^/]+)");
            arguments.add(v.group(2));
            last = v.end();
        }
        re.append(Pattern.quote(spec.rule().substring(last)));
        pattern = Pattern.compile(re.toString());
    }

    Map<String, Object> match(String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Map<String, Object> values = new java.util.LinkedHashMap<>(spec.defaults());
        for (int i = 0; i < arguments.size(); i++) {
            values.put(arguments.get(i), m.group(i + 1));
        }
        return values;
    }

    public String rule() {
        return spec.rule();
    }

    public String endpoint() {
        return spec.endpoint();
    }

    public Set<String> methods() {
        return methods;
    }

    public boolean providesAutomaticOptions() {
        return autoOptions;
    }

    public Map<String, Object> defaults() {
        return spec.defaults();
    }

    public List<String> arguments() {
        return List.copyOf(arguments);
    }

    public boolean strictSlashes() {
        return spec.strictSlashes();
    }

    @Override
    public String toString() {
        return spec.rule();
    }
}
