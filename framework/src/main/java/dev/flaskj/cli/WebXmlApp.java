package dev.flaskj.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Finds the app class a project's {@code src/main/webapp/WEB-INF/web.xml} installs, so the command line needs no
 * {@code --app} in a project made from the archetype (as {@code flask} finds {@code app.py} in the current folder):
 * the {@code app} init-param of the {@code dev.flaskj.FlaskFilter} filter, else the context-param
 * {@code flask.app}.
 */
final class WebXmlApp {
    static final String LOCATION = "src/main/webapp/WEB-INF/web.xml";

    private WebXmlApp() {}

    /** The class name, or empty when there is no web.xml or it names no app. */
    static Optional<String> find(Path projectDir) throws IOException {
        Path webXml = projectDir.resolve(LOCATION);
        if (!Files.isRegularFile(webXml)) {
            return Optional.empty();
        }
        Document doc = parse(webXml);
        NodeList filters = doc.getElementsByTagNameNS("*", "filter");
        for (int i = 0; i < filters.getLength(); i++) {
            Element filter = (Element) filters.item(i);
            if ("dev.flaskj.FlaskFilter".equals(text(filter, "filter-class"))) {
                Optional<String> app = param(filter, "init-param", "app");
                if (app.isPresent()) {
                    return app;
                }
            }
        }
        return param(doc.getDocumentElement(), "context-param", "flask.app");
    }

    /** The init-params of the {@code dev.flaskj.FlaskFilter} filter in web.xml, in order; empty without one. */
    static Map<String, String> filterParams(Path projectDir) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        Path webXml = projectDir.resolve(LOCATION);
        if (!Files.isRegularFile(webXml)) {
            return params;
        }
        NodeList filters = parse(webXml).getElementsByTagNameNS("*", "filter");
        for (int i = 0; i < filters.getLength(); i++) {
            Element filter = (Element) filters.item(i);
            if ("dev.flaskj.FlaskFilter".equals(text(filter, "filter-class"))) {
                putParams(filter, "init-param", params);
                break;
            }
        }
        return params;
    }

    /** The context-params of web.xml, in order; empty without a web.xml. */
    static Map<String, String> contextParams(Path projectDir) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        Path webXml = projectDir.resolve(LOCATION);
        if (Files.isRegularFile(webXml)) {
            putParams(parse(webXml).getDocumentElement(), "context-param", params);
        }
        return params;
    }

    private static void putParams(Element parent, String tag, Map<String, String> params) {
        NodeList nodes = parent.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element p = (Element) nodes.item(i);
            String name = text(p, "param-name");
            String value = text(p, "param-value");
            if (name != null && value != null) {
                params.put(name, value);
            }
        }
    }

    private static Optional<String> param(Element parent, String tag, String name) {
        NodeList params = parent.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < params.getLength(); i++) {
            Element p = (Element) params.item(i);
            String value = text(p, "param-value");
            if (name.equals(text(p, "param-name")) && value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagNameNS("*", tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static Document parse(Path webXml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // A descriptor needs no DTD or external entity: never fetch or expand one.
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            return builder.parse(webXml.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + webXml + ": " + e.getMessage(), e);
        }
    }
}
