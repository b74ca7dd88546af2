package db.migration.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.verso.library.LanguageTag;

/**
 * Rewrites a column of language tags into canonical form, one distinct value at a time: for the migrations of every
 * module whose tables hold languages written before {@link LanguageTag}. Values that are no language tag stay as they
 * are.
 */
public final class CanonicalLanguages {
    private CanonicalLanguages() {}

    /** Rewrites every non-canonical value of {@code table.column}; answers how many rows changed. */
    public static int rewrite(Connection connection, String table, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT DISTINCT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        int changed = 0;
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE " + column + " = ?")) {
            for (String value : values) {
                String canonical = canonical(value);
                if (!canonical.equals(value)) {
                    update.setString(1, canonical);
                    update.setString(2, value);
                    changed += update.executeUpdate();
                }
            }
        }
        return changed;
    }

    /** The canonical form of a stored value, or the value itself when it is no language tag. */
    public static String canonical(String value) {
        try {
            return LanguageTag.of(value).value();
        } catch (LanguageTag.InvalidLanguageTag e) {
            return value;
        }
    }
}
