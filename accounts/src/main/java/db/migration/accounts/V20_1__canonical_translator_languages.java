package db.migration.accounts;

import static db.migration.library.CanonicalLanguages.canonical;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.verso.library.LanguageTag;

/**
 * Translator languages were stored lower-cased ({@code zh-hans}); they become canonical {@link LanguageTag}s
 * ({@code zh-Hans}), in a column as wide as every other language column. Two spellings of one language held by one
 * account become one row. A value that is no language tag is left as it was.
 */
public class V20_1__canonical_translator_languages extends BaseJavaMigration {
    private record Held(UUID user, String language) {}

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement widen = connection.createStatement()) {
            widen.execute("ALTER TABLE app_user_language ALTER COLUMN language SET DATA TYPE VARCHAR("
                    + LanguageTag.MAX_LENGTH + ")");
        }
        List<Held> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT user_id, language FROM app_user_language");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new Held(rs.getObject(1, UUID.class), rs.getString(2)));
            }
        }
        Set<Held> kept = new HashSet<>();
        rows.stream().filter(h -> canonical(h.language()).equals(h.language())).forEach(kept::add);
        try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM app_user_language WHERE user_id = ? AND language = ?");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE app_user_language SET language = ? WHERE user_id = ? AND language = ?")) {
            for (Held held : rows) {
                Held canonical = new Held(held.user(), canonical(held.language()));
                if (canonical.equals(held)) {
                    continue;
                }
                if (kept.add(canonical)) {
                    update.setString(1, canonical.language());
                    update.setObject(2, held.user());
                    update.setString(3, held.language());
                    update.executeUpdate();
                } else {
                    delete.setObject(1, held.user());
                    delete.setString(2, held.language());
                    delete.executeUpdate();
                }
            }
        }
    }
}
