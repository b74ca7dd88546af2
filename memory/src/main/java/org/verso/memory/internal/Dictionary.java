package org.verso.memory.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Numbers every normalised token the memory has seen; numbers and codes are 0 and 1. Thread-safe. */
public final class Dictionary {
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger(2);

    public Dictionary() {
        ids.put(Tokens.NUMBER, 0);
        ids.put(Tokens.CODE, 1);
    }

    /** The ids of the tokens, adding the new ones. */
    public int[] ids(List<Tokens.Token> tokens) {
        int[] result = new int[tokens.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ids.computeIfAbsent(tokens.get(i).norm(), k -> next.getAndIncrement());
        }
        return result;
    }

    /** The ids of the tokens; a token never seen gets -1 (it matches nothing). */
    public int[] lookup(List<Tokens.Token> tokens) {
        int[] result = new int[tokens.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ids.getOrDefault(tokens.get(i).norm(), -1);
        }
        return result;
    }

    public int size() {
        return next.get();
    }
}
