package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.TempDirs;

/** Recipients' CSV import (preview, per-row errors, all or nothing) and export, on H2. */
@SpringBootTest(classes = DistributionTestApplication.class)
class RecipientsCsvTest {
    @Autowired
    RecipientsCsv csv;

    @Autowired
    Recipients recipients;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", () -> TempDirs.create("verso-distribution-csv-")
                .toString());
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void aUniversityAndItsBranchesAreImportedAsATreeAndExportedAgain() {
        String t = tag();
        String file = "name,kind,parent,region,city,address,contacts,language\n"
                + "Branch Omsk " + t + ",branch,University " + t + ",Omsk oblast,Omsk,,,ru\n"
                + "University " + t + ",university,,Moscow,Moscow,\"Ul. 1, Moscow\",rector@example.ru,ru\n"
                + "Branch Tver " + t + ",BRANCH,University " + t + ",Tver oblast,Tver,,,ru-RU\n";

        var outcome = csv.importCsv(file.getBytes(StandardCharsets.UTF_8), false);

        assertThat(outcome.imported()).isEqualTo(3);
        var university = recipients.findByName("university " + t).orElseThrow();
        assertThat(recipients.tree())
                .filteredOn(n -> n.recipient().id().equals(university.id()))
                .singleElement()
                .satisfies(n -> assertThat(n.children())
                        .extracting(c -> c.recipient().name())
                        .containsExactly("Branch Omsk " + t, "Branch Tver " + t));
        StringWriter out = new StringWriter();
        csv.export(out);
        assertThat(out.toString())
                .startsWith("name,kind,parent,region,city,address,contacts,language")
                .contains("University " + t + ",university,,Moscow,Moscow,\"Ul. 1, Moscow\",rector@example.ru,ru")
                .contains("Branch Tver " + t + ",branch,University " + t + ",Tver oblast,Tver,,,ru-RU");
    }

    @Test
    void aPreviewShowsEveryRowsErrorAndImportsNothing() {
        String t = tag();
        String file = "name,kind,language\nPrison " + t + ",prison,ru\nSchool " + t + ",castle,ru\nLib " + t
                + ",library,not a language\n";
        long before = recipients.list(Paging.FIRST).total();

        var preview = csv.importCsv(file.getBytes(StandardCharsets.UTF_8), true);

        assertThat(preview.rows()).hasSize(3);
        assertThat(preview.errors())
                .extracting(RecipientsCsv.RowError::line, RecipientsCsv.RowError::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "invalid-recipient-kind"),
                        org.assertj.core.groups.Tuple.tuple(4, "invalid-language"));
        assertThat(recipients.list(Paging.FIRST).total()).isEqualTo(before);
    }

    @Test
    void aFileWithOneBadRowImportsNothing() {
        String t = tag();
        String file = "name,kind,language\nPrison " + t + ",prison,ru\nSchool " + t + ",castle,ru\n";

        assertThatThrownBy(() -> csv.importCsv(file.getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> {
                    assertThat(e.code()).isEqualTo("csv-rows-invalid");
                    assertThat(e.properties()).containsKey("errors");
                });
        assertThat(recipients.findByName("Prison " + t)).isEmpty();
    }

    @Test
    void aDuplicateRecipientInTheFileOrAlreadyKnownIsARowError() {
        String t = tag();
        csv.importCsv(("name,kind,language\nNGO " + t + ",ngo,ru\n").getBytes(StandardCharsets.UTF_8), false);
        String file = "name,kind,language\nMinistry " + t + ",ministry,ru\nministry " + t + ",ministry,ru\nngo " + t
                + ",ngo,en\n";

        var preview = csv.importCsv(file.getBytes(StandardCharsets.UTF_8), true);

        assertThat(preview.errors())
                .extracting(RecipientsCsv.RowError::code)
                .containsExactly("duplicate-recipient", "recipient-exists");
        assertThatThrownBy(() -> csv.importCsv(file.getBytes(StandardCharsets.UTF_8), false))
                .hasFieldOrPropertyWithValue("code", "csv-rows-invalid");
        assertThat(recipients.findByName("Ministry " + t)).isEmpty();
    }

    @Test
    void aWrongColumnIsRefusedBeforeAnyRowIsRead() {
        String file = "name,kind,language,fax\nX,ngo,ru,123\n";

        assertThatThrownBy(() -> csv.importCsv(file.getBytes(StandardCharsets.UTF_8), true))
                .isInstanceOfSatisfying(DistributionInputInvalid.class, e -> {
                    assertThat(e.code()).isEqualTo("csv-columns");
                    assertThat(e.getMessage()).contains("fax");
                });
        assertThatThrownBy(() -> csv.importCsv("name,language\nX,ru\n".getBytes(StandardCharsets.UTF_8), true))
                .hasFieldOrPropertyWithValue("code", "csv-columns");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        String file = "name,kind,language\nБиблиотека,library,ru\n";

        assertThatThrownBy(() -> csv.importCsv(file.getBytes(Charset.forName("windows-1251")), false))
                .hasFieldOrPropertyWithValue("code", "csv-encoding");
        assertThat(recipients.findByName("Библиотека")).isEmpty();
    }
}
