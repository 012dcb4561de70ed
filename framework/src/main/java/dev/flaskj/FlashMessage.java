package dev.flaskj;

/**
 * One flashed message with its category (Flask: the {@code (category, message)} tuples of
 * {@code get_flashed_messages(with_categories=True)}).
 *
 * @param category {@code message} by default; {@code error}, {@code info}, {@code warning} by convention
 * @param message the text (a markup value is kept as its HTML string)
 */
public record FlashMessage(String category, String message) {}
