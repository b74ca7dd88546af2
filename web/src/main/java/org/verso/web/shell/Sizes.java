package org.verso.web.shell;

import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Sizes of files as people read them, in one unit style per interface language ({@code 1.5 MB}, {@code 1,5 МБ}).
 * Pages use it as {@code ${@sizes.of(bytes)}}. Thread-safe.
 */
@Component("sizes")
public class Sizes {
    private static final String[] UNITS = {"size.bytes", "size.kB", "size.MB", "size.GB"};
    private final MessageSource messages;

    Sizes(MessageSource messages) {
        this.messages = messages;
    }

    /** The size in the current request's language; {@code null} stays {@code null}. */
    public String of(Long bytes) {
        return bytes == null ? null : of(bytes, LocaleContextHolder.getLocale());
    }

    public String of(long bytes, Locale locale) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(unit == 0 || value >= 10 ? 0 : 1);
        return messages.getMessage(UNITS[unit], new Object[] {format.format(value)}, locale);
    }
}
