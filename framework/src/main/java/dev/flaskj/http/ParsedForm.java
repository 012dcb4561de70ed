package dev.flaskj.http;

/** Stand-in until the http package lands. */
public final class ParsedForm implements AutoCloseable {
    private final MultiDict<String> form;

    ParsedForm(MultiDict<String> form) {
        this.form = form;
    }

    public static ParsedForm empty() {
        return new ParsedForm(MultiDict.empty());
    }

    public MultiDict<String> form() {
        return form;
    }

    public MultiDict<FileStorage> files() {
        return MultiDict.empty();
    }

    @Override
    public void close() {}
}
