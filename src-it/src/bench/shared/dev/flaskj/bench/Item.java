package dev.flaskj.bench;

import java.util.List;

/** The JSON endpoint's object. Components sorted by name, so JSON-B's, Jackson's and Flask's key orders agree. */
public record Item(boolean active, int id, String name, List<String> tags) {}
