package dev.flaskj.templating;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import com.hubspot.jinjava.lib.tag.BlockTag;
import com.hubspot.jinjava.lib.tag.ElseTag;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.lib.tag.MacroTag;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.output.BlockInfo;
import com.hubspot.jinjava.tree.output.OutputNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.util.ForLoop;
import com.hubspot.jinjava.util.HelperStringTokenizer;
import com.hubspot.jinjava.util.ObjectIterator;
import com.hubspot.jinjava.util.WhitespaceUtils;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * Jinjava's tags where Jinjava 2.7.4 differs from Jinja2 on what Flask templates use; each subclass changes only
 * the differing behaviour.
 */
final class JinjaTags {
    private JinjaTags() {}

    /**
     * {@code {% block %}}: registers the blocks nested inside this one too, when this one is met. Jinja collects
     * every block of a template, nested ones included, before rendering; Jinjava registers a nested block only
     * when its parent block renders, after the base template's block of that name, so a child template's
     * {@code {% block title %}} inside {@code {% block header %}} rendered as the base's (empty) one.
     */
    static final class Block extends BlockTag {
        private static final long serialVersionUID = 1L;

        @Override
        public OutputNode interpretOutput(TagNode tagNode, JinjavaInterpreter interpreter) {
            registerNested(tagNode.getChildren(), interpreter);
            return super.interpretOutput(tagNode, interpreter);
        }

        private static void registerNested(List<Node> children, JinjavaInterpreter interpreter) {
            for (Node child : children) {
                if (child instanceof TagNode t && t.getTag() instanceof BlockTag) {
                    HelperStringTokenizer data = new HelperStringTokenizer(t.getHelpers());
                    if (data.hasNext()) {
                        var path = interpreter.getContext().getCurrentPathStack();
                        interpreter.addBlock(WhitespaceUtils.unquote(data.next()), new BlockInfo(t.getChildren(),
                                path.peek(), path.getTopLineNumber(), path.getTopStartPosition()));
                    }
                }
                registerNested(child.getChildren(), interpreter);
            }
        }
    }

    /**
     * {@code {% for %}...{% else %}...{% endfor %}}: the else part renders only when the loop ran no iteration,
     * as in Jinja; Jinjava 2.7.4 has no else for loops and printed its text after every item.
     */
    static final class For extends ForTag {
        private static final long serialVersionUID = 1L;

        @Override
        public String renderForCollection(TagNode tagNode, JinjavaInterpreter interpreter, List<String> loopVars,
                Object collection) {
            LinkedList<Node> children = tagNode.getChildren();
            int elseAt = -1;
            int i = 0;
            for (Node child : children) {
                if (child instanceof TagNode t && t.getTag() instanceof ElseTag) {
                    elseAt = i;
                    break;
                }
                i++;
            }
            if (elseAt < 0) {
                return super.renderForCollection(tagNode, interpreter, loopVars, collection);
            }
            ForLoop probe = ObjectIterator.getLoop(collection);
            if (!probe.hasNext()) {
                StringBuilder out = new StringBuilder();
                for (Node n : children.subList(elseAt + 1, children.size())) {
                    out.append(n.render(interpreter).getValue());
                }
                return out.toString();
            }
            TagNode body = new TagNode(this, (TagToken) tagNode.getMaster(), tagNode.getSymbols());
            body.setChildren(new LinkedList<>(children.subList(0, elseAt)));
            return super.renderForCollection(body, interpreter, loopVars, collection);
        }
    }

    /**
     * {@code {% macro %}}: a macro's output is markup in an autoescaped template, as in Jinja, so that
     * {@code {{ forms.field(...) }}} is not escaped a second time.
     */
    static final class Macro extends MacroTag {
        private static final long serialVersionUID = 1L;

        @Override
        protected MacroFunction constructMacroFunction(TagNode tagNode, JinjavaInterpreter interpreter, String name,
                LinkedHashMap<String, Object> argNamesWithDefaults) {
            return new SafeMacro(tagNode.getChildren(), name, argNamesWithDefaults, interpreter);
        }
    }

    private static final class SafeMacro extends MacroFunction {
        SafeMacro(List<Node> content, String name, LinkedHashMap<String, Object> defaults,
                JinjavaInterpreter interpreter) {
            super(content, name, defaults, false, interpreter.getContext(), interpreter.getLineNumber(),
                    interpreter.getPosition());
        }

        @Override
        public Object doEvaluate(Map<String, Object> argMap, Map<String, Object> kwargMap, List<Object> varArgs) {
            Object out = super.doEvaluate(argMap, kwargMap, varArgs);
            JinjavaInterpreter current = JinjavaInterpreter.getCurrent();
            return out instanceof String s && current != null && current.getContext().isAutoEscape()
                    ? new SafeString(s) : out;
        }
    }
}
