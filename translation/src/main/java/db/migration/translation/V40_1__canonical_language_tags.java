package db.migration.translation;

import db.migration.library.CanonicalLanguages;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** The languages recorded for segmented files, in canonical form (see {@code LanguageTag}). */
public class V40_1__canonical_language_tags extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        CanonicalLanguages.rewrite(context.getConnection(), "translation_file", "language");
    }
}
