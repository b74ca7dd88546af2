package org.verso.boundaryfixtures.translationusessearch.library;

public record Text(String value) {}
