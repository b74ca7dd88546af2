package db.migration.distribution;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, a trigger refuses every UPDATE and DELETE of the stock ledger ({@code dist_movement}) and of the
 * stock requests: the ledger is append-only at the database too. H2 has no SQL triggers (only Java ones); there the
 * code-scanning test and the module's SQL are the guard.
 */
public class V60_1__ledger_append_only extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE FUNCTION dist_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN RAISE EXCEPTION 'the stock ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;"
                    + " END $$");
            for (String table : new String[] {"dist_movement", "dist_stock_request"}) {
                statement.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION dist_ledger_append_only()");
                statement.execute("CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table
                        + " FOR EACH STATEMENT EXECUTE FUNCTION dist_ledger_append_only()");
            }
        }
    }
}
