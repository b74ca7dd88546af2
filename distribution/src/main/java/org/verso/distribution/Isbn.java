package org.verso.distribution;

/** ISBN-10 and ISBN-13 with their check digits; hyphens and spaces are dropped. */
final class Isbn {
    private Isbn() {}

    static String normalised(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String isbn = text.replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (!(isbn.matches("\\d{13}") && valid13(isbn)) && !(isbn.matches("\\d{9}[\\dX]") && valid10(isbn))) {
            throw new DistributionInputInvalid("invalid-isbn", "not a valid ISBN-10 or ISBN-13: " + text);
        }
        return isbn;
    }

    private static boolean valid13(String isbn) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (isbn.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }

    private static boolean valid10(String isbn) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = isbn.charAt(i);
            sum += (c == 'X' ? 10 : c - '0') * (10 - i);
        }
        return sum % 11 == 0;
    }
}
