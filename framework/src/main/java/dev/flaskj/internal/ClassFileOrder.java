package dev.flaskj.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A class's declared methods in source order. Reflection returns them in an unspecified order, but Flask registers
 * routes and hooks in the order they are written, and that order decides ties between rules and the order hooks
 * run in. javac writes methods to the class file in source order, so the class file is read for it.
 */
public final class ClassFileOrder {
    private ClassFileOrder() {}

    /** The declared methods of {@code type}, in class-file order (by name when the class file is unavailable). */
    public static List<Method> declaredMethods(Class<?> type) {
        Method[] methods = type.getDeclaredMethods();
        Map<String, Integer> order = readOrder(type);
        List<Method> sorted = new ArrayList<>(Arrays.asList(methods));
        sorted.sort(Comparator.comparingInt((Method m) -> order.getOrDefault(key(m), Integer.MAX_VALUE))
                .thenComparing(Method::getName).thenComparing(Method::toString));
        return sorted;
    }

    private static String key(Method m) {
        StringBuilder d = new StringBuilder(m.getName()).append('(');
        for (Class<?> p : m.getParameterTypes()) {
            d.append(descriptor(p));
        }
        return d.append(')').append(descriptor(m.getReturnType())).toString();
    }

    private static String descriptor(Class<?> c) {
        if (c.isArray()) {
            return c.getName().replace('.', '/');
        }
        if (c.isPrimitive()) {
            return switch (c.getName()) {
                case "int" -> "I";
                case "long" -> "J";
                case "boolean" -> "Z";
                case "byte" -> "B";
                case "char" -> "C";
                case "short" -> "S";
                case "float" -> "F";
                case "double" -> "D";
                default -> "V";
            };
        }
        return "L" + c.getName().replace('.', '/') + ";";
    }

    private static Map<String, Integer> readOrder(Class<?> type) {
        String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream raw = type.getResourceAsStream(resource)) {
            return raw == null ? Map.of() : parse(new DataInputStream(raw));
        } catch (IOException | RuntimeException e) {
            return Map.of(); // fall back to name order; never fail startup over ordering
        }
    }

    // JVM spec §4.1: magic, versions, constant pool, access/this/super, interfaces, fields, methods.
    private static Map<String, Integer> parse(DataInputStream in) throws IOException {
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int poolCount = in.readUnsignedShort();
        String[] utf8 = new String[poolCount];
        for (int i = 1; i < poolCount; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> skip(in, 2);
                case 15 -> skip(in, 3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(in, 4);
                case 5, 6 -> {
                    skip(in, 8);
                    i++; // long and double take two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        skip(in, 6);
        skip(in, 2 * in.readUnsignedShort());
        skipMembers(in);
        int methodCount = in.readUnsignedShort();
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < methodCount; i++) {
            skip(in, 2);
            String name = utf8[in.readUnsignedShort()];
            String desc = utf8[in.readUnsignedShort()];
            order.putIfAbsent(name + desc, i);
            skipAttributes(in);
        }
        return order;
    }

    private static void skip(DataInputStream in, int n) throws IOException {
        // skipBytes may skip less than asked on a jar stream; readNBytes reads exactly n or hits the end.
        if (in.readNBytes(n).length != n) {
            throw new IOException("truncated class file");
        }
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            skip(in, 6);
            skipAttributes(in);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            skip(in, 2);
            skip(in, in.readInt());
        }
    }
}
