package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No code path of the module updates, deletes, truncates or merges into the ledger: every SQL text of its main
 * sources and migrations that names {@code dist_movement} or {@code dist_stock_request} is only an INSERT, a SELECT or
 * the table's creation.
 */
class LedgerAppendOnlyTest {
    private static final Pattern CHANGE = Pattern.compile(
            "(?is)\\b(UPDATE|DELETE\\s+FROM|TRUNCATE(\\s+TABLE)?|MERGE\\s+INTO|ALTER\\s+TABLE|DROP\\s+TABLE)\\s+"
                    + "(dist_movement|dist_stock_request)\\b");

    @Test
    void noSourceOrMigrationOfTheModuleChangesOrRemovesLedgerRows() throws IOException {
        List<Path> files = sources();
        assertThat(files).anySatisfy(f -> assertThat(f.toString()).endsWith("Ledger.java"));
        for (Path file : files) {
            String text = Files.readString(file).replaceAll("\"\\s*\\+\\s*\"", "");
            if (file.getFileName().toString().equals("V60_1__ledger_append_only.java")) {
                continue; // creates the triggers that refuse such statements; names the tables in "ON dist_movement"
            }
            assertThat(CHANGE.matcher(text).find())
                    .as("%s changes the append-only ledger", file)
                    .isFalse();
        }
    }

    @Test
    void theScanWouldSeeAnUpdateOrDeleteOfTheLedger() {
        assertThat(CHANGE.matcher("db.sql(\"UPDATE dist_movement SET quantity = 0\")")
                        .find())
                .isTrue();
        assertThat(CHANGE.matcher("\"DELETE FROM   dist_stock_request WHERE\"").find())
                .isTrue();
        assertThat(CHANGE.matcher("\"UPDATE dist_balance SET quantity = quantity - ?\"")
                        .find())
                .isFalse();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> main = Files.walk(Path.of("src/main"))) {
            return main.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .toList();
        }
    }
}
