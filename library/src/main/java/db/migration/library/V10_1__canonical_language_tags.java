package db.migration.library;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.verso.library.LanguageTag;

/**
 * Rewrites the languages of documents and files stored before {@link LanguageTag} into its canonical form
 * ({@code zh-hans} → {@code zh-Hans}, {@code pt-br} → {@code pt-BR}, {@code iw} → {@code he}). A value that is no language
 * tag at all is left as it was. Found by Flyway in {@code classpath:db/migration/library}.
 */
public class V10_1__canonical_language_tags extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        CanonicalLanguages.rewrite(connection, "library_document", "source_language");
        CanonicalLanguages.rewrite(connection, "library_file", "language");
    }
}
