package org.verso.boundaryfixtures.keepsrules.library;

public record Text(String value) {}
