package com.example;

import dev.flaskj.Flask;
import dev.flaskj.Route;

/** The Flask quickstart's minimal application, in Java. */
public class Hello extends Flask {
    public Hello() {
        registerBlueprint(new DebugDemo()); // /debug/boom: the debug page demo
    }

    @Route("/")
    String helloWorld() {
        return "Hello, World!";
    }
}
