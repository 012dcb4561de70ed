package dev.flaskj.it.apps;

import dev.flaskj.Flask;
import dev.flaskj.Route;

/** The quickstart's routing examples, for checks on real containers. */
public class RoutingApp extends Flask {
    @Route("/post/<int:postId>")
    String showPost(int postId) {
        return "Post " + postId;
    }

    @Route("/projects/")
    String projects() {
        return "The project page";
    }

    @Route("/about")
    String about() {
        return "The about page";
    }

    @Route(value = "/login", methods = {"GET", "POST"})
    String login() {
        return request().method();
    }

    @Route("/user/<username>")
    String profile(String username) {
        return "User " + username;
    }

    @Route("/links")
    String links() {
        return urlFor("profile", "username", "John Doe") + " " + urlFor("login", "next", "/")
                + " " + urlFor("static", "filename", "style.css") + " " + urlFor("about", "_external", true);
    }
}
