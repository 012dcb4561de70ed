package dev.flaskj.templating;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.cache.AlwaysValidCacheEntryValidity;
import org.thymeleaf.cache.NonCacheableCacheEntryValidity;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.TemplateResolution;
import org.thymeleaf.templateresource.StringTemplateResource;

/**
 * The one template resolver the engine sees: string templates (names carrying {@link #STRING_PREFIX}), then each
 * template folder in order; a name no folder has becomes a {@link TemplateNotFoundException} that lists where it
 * looked, instead of Thymeleaf's generic "might not exist" message.
 */
final class TemplateFolders implements ITemplateResolver {
    /** Marks a template name whose text is the template itself ({@code renderTemplateString}). */
    static final String STRING_PREFIX = "\u0000flaskj-string:";

    /**
     * One folder: a configured Thymeleaf resolver and how to describe it in messages.
     *
     * @param description e.g. {@code webapp /templates/} (the name is appended)
     */
    record Folder(String description, AbstractConfigurableTemplateResolver resolver) {}

    /** The locations the folders were made from, and the folders (a location the engine cannot read has none). */
    private record Snapshot(List<TemplateLocation> locations, List<Folder> folders) {}

    private final Supplier<List<TemplateLocation>> locations;
    private final Function<TemplateLocation, Folder> toFolder;
    private final boolean cacheable;
    private volatile Snapshot snapshot;

    /**
     * @param locations the app's template locations, asked again on each resolution (a few entries; Thymeleaf
     *     resolves a template only when its cache misses), so blueprints registered later are searched too
     * @param toFolder the resolver for one location, or null to skip it
     */
    TemplateFolders(Supplier<List<TemplateLocation>> locations, Function<TemplateLocation, Folder> toFolder,
            boolean cacheable) {
        this.locations = locations;
        this.toFolder = toFolder;
        this.cacheable = cacheable;
    }

    private List<Folder> folders() {
        List<TemplateLocation> now = locations.get();
        Snapshot s = snapshot;
        if (s == null || !s.locations().equals(now)) {
            List<Folder> folders = new ArrayList<>(now.size());
            for (TemplateLocation l : now) {
                Folder f = toFolder.apply(l);
                if (f != null) {
                    folders.add(f);
                }
            }
            s = new Snapshot(List.copyOf(now), List.copyOf(folders));
            snapshot = s;
        }
        return s.folders();
    }

    @Override
    public String getName() {
        return "flaskj";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public TemplateResolution resolveTemplate(IEngineConfiguration configuration, String ownerTemplate,
            String template, Map<String, Object> attributes) {
        if (template.startsWith(STRING_PREFIX)) {
            // Cached by content: the same text always parses the same way, and the engine's cache is bounded.
            return new TemplateResolution(new StringTemplateResource(template.substring(STRING_PREFIX.length())),
                    TemplateMode.HTML, cacheable ? AlwaysValidCacheEntryValidity.INSTANCE
                            : NonCacheableCacheEntryValidity.INSTANCE);
        }
        String name = normalise(template);
        if (name == null) {
            throw new TemplateNotFoundException(template, List.of());
        }
        List<Folder> folders = folders();
        List<String> searched = new ArrayList<>(folders.size());
        for (Folder folder : folders) {
            TemplateResolution r = folder.resolver().resolveTemplate(configuration, ownerTemplate, name, attributes);
            if (r != null) {
                return r;
            }
            searched.add(folder.description() + name);
        }
        throw new TemplateNotFoundException(template, searched);
    }

    /**
     * Jinja's {@code split_template_path}: empty and {@code .} segments are dropped, and a {@code ..} segment, a
     * backslash or a NUL makes the name unusable (null), so no name reaches outside the template folders.
     */
    static String normalise(String template) {
        if (template.indexOf('\\') >= 0 || template.indexOf('\0') >= 0) {
            return null;
        }
        List<String> pieces = new ArrayList<>();
        for (String piece : template.split("/")) {
            if (piece.equals("..")) {
                return null;
            }
            if (!piece.isEmpty() && !piece.equals(".")) {
                pieces.add(piece);
            }
        }
        return pieces.isEmpty() ? null : String.join("/", pieces);
    }
}
