package dev.flaskj.testing;

/** The one message for servlet features the in-memory fakes do not model. */
final class Unsupported {
    private Unsupported() {}

    static UnsupportedOperationException feature(String what) {
        return new UnsupportedOperationException("flaskj test fakes do not support " + what
                + "; test this with EmbeddedTomcat or in a real container");
    }
}
