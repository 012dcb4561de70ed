package dev.flaskj.templating;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;

/**
 * Jinjava's expression syntax with Python's {@code and}: it returns an operand ({@code 'x' and 'y'} is
 * {@code 'y'}, {@code '' and 'y'} is {@code ''}) where Jinjava's returns a boolean; Jinjava's {@code or} already
 * returns an operand. Public only because the expression factory instantiates its tree builder by class name.
 */
public final class JinjaSyntax extends ExtendedSyntaxBuilder {
    private static final long serialVersionUID = 1L;

    /** The builder with the expression language features the factory passes (method calls, varargs). */
    public JinjaSyntax(Feature... features) {
        super(features);
    }

    @Override
    protected Parser createParser(String expression) {
        return new ExtendedParser(this, expression) {
            @Override
            protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
                return super.createAstBinary(left, right, operator == AstBinary.AND ? PyAnd.OP : operator);
            }
        };
    }

    /** Python's {@code and}: the left operand when it is falsy, else the right one. */
    static final class PyAnd implements AstBinary.Operator {
        static final PyAnd OP = new PyAnd();

        @Override
        public Object eval(Bindings bindings, ELContext context, AstNode left, AstNode right) {
            Object l = left.eval(bindings, context);
            if (!bindings.convert(l, Boolean.class)) {
                return l;
            }
            return right.eval(bindings, context);
        }

        @Override
        public String toString() {
            return "&&";
        }
    }
}
