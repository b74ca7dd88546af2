package org.verso.translation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.verso.library.LanguageTag;

/**
 * The numbers of a plain text, each as a canonical decimal ({@code 1.5}, {@code 1500}), read with the decimal
 * separator of the text's language: {@code 1,5} is one and a half in Russian and {@code 1.5} in English, {@code 1,500}
 * is fifteen hundred in English, {@code 1 500} (with a space or a no-break space) in Russian. A separator that cannot
 * be the language's grouping (not followed by exactly three digits) separates two numbers ({@code 5,6} in English).
 * Digits of any script count ({@code ٣} is 3).
 */
final class NumberTokens {
    /** Languages that write a decimal comma (the rest write a decimal point). */
    private static final Set<String> DECIMAL_COMMA = Set.of(
            "ru", "uk", "be", "bg", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "mk",
            "ro", "tr", "sv", "no", "nb", "nn", "da", "fi", "et", "lv", "lt", "hu", "el", "kk", "ky", "az", "uz", "tg",
            "hy", "ka", "mn", "id", "vi", "ca", "gl", "eu", "sq", "is", "af");

    private NumberTokens() {}

    static List<String> of(String text, LanguageTag language) {
        boolean comma = language != null && DECIMAL_COMMA.contains(language.language());
        List<String> numbers = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            StringBuilder number = new StringBuilder();
            int firstGroup = 0;
            boolean decimal = false;
            while (i < n && Character.isDigit(text.charAt(i))) {
                number.append(Character.digit(text.charAt(i++), 10));
                firstGroup++;
            }
            while (i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                char sep = text.charAt(i);
                int end = i + 1;
                while (end < n && Character.isDigit(text.charAt(end))) {
                    end++;
                }
                int group = end - i - 1;
                boolean isDecimal = comma ? sep == ',' : sep == '.';
                boolean isGrouping =
                        (comma ? sep == '.' || space(sep) : sep == ',' || space(sep)) && group == 3 && firstGroup <= 3;
                if (isDecimal && !decimal) {
                    number.append('.');
                    decimal = true;
                } else if (!(isGrouping && !decimal)) {
                    break;
                }
                for (int k = i + 1; k < end; k++) {
                    number.append(Character.digit(text.charAt(k), 10));
                }
                i = end;
                if (isDecimal) {
                    break;
                }
            }
            numbers.add(canonical(number.toString()));
        }
        return numbers;
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009';
    }

    private static String canonical(String number) {
        BigDecimal value = new BigDecimal(number);
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
