package com.example.flaskr;

/**
 * A Flaskr user as views and templates see it (no password hash): {@code ${g.user.username}}.
 *
 * @param id the users row's id
 * @param username the unique name
 */
public record User(int id, String username) {}
