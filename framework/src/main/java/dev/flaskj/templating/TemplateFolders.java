package dev.flaskj.templating;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private final List<Folder> folders;
    private final boolean cacheable;

    TemplateFolders(List<Folder> folders, boolean cacheable) {
        this.folders = List.copyOf(folders);
        this.cacheable = cacheable;
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
