package dev.flaskj.http;

/** Stand-in until the http package lands. */
public final class FileStorage {
    public String filename() {
        return null;
    }
}
