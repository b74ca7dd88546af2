package org.verso.translation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.verso.library.InvalidInputException;

/**
 * An XLIFF file refused as a whole (malformed, invalid, not XLIFF, of another translation…): nothing of it was
 * written. Says where when it can: {@code line} and {@code column} in the file, the {@code unit} id.
 */
public class XliffRefused extends InvalidInputException {
    private final int line;
    private final int column;
    private final String unit;

    public XliffRefused(String code, String message, int line, int column, String unit) {
        super(code, message + where(line, column, unit));
        this.line = line;
        this.column = column;
        this.unit = unit;
    }

    public XliffRefused(String code, String message) {
        this(code, message, 0, 0, null);
    }

    /** The line in the file, from 1, or 0 when the problem has no place. */
    public int line() {
        return line;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (line > 0) {
            properties.put("line", line);
        }
        if (column > 0) {
            properties.put("column", column);
        }
        if (unit != null) {
            properties.put("unit", unit);
        }
        return properties;
    }

    private static String where(int line, int column, String unit) {
        StringBuilder where = new StringBuilder();
        if (line > 0) {
            where.append(" (line ").append(line);
            if (column > 0) {
                where.append(", column ").append(column);
            }
            if (unit != null) {
                where.append(", unit ").append(unit);
            }
            where.append(')');
        } else if (unit != null) {
            where.append(" (unit ").append(unit).append(')');
        }
        return where.toString();
    }
}
