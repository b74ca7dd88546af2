package org.verso.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;

/** The catalogue's behaviour, run on H2 ({@link DocumentsTest}) and on PostgreSQL ({@link DocumentsOnPostgresTest}). */
@Import(DocumentsContract.Recorder.class)
abstract class DocumentsContract extends LibraryTest {
    @Autowired
    Documents documents;

    @Autowired
    FileStore store;

    @Autowired
    JdbcClient db;

    @Autowired
    Recorder recorder;

    @TestConfiguration
    static class Recorder {
        final List<DocumentChanged> afterCommit = new ArrayList<>();
        final List<DocumentIngested> ingested = new java.util.concurrent.CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void changed(DocumentChanged event) {
            afterCommit.add(event);
        }

        @TransactionalEventListener
        void ingested(DocumentIngested event) {
            ingested.add(event);
        }
    }

    NewFile file(String text, String name, String language) {
        Sha256 sha = store.store(new ByteArrayInputStream((text + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)));
        return new NewFile(sha, name, "text/plain", 10, language, 0.9, null, "UTF-8", null, text);
    }

    @Test
    void createsADocumentWithItsFirstFileAndReadsItBack() {
        NewFile file = file("Everyone has the right to life.", "C:\\scans\\udhr.txt", "en");

        Document created = documents.create(
                new NewDocument(
                        "  Universal Declaration ", DocumentKind.CONVENTION, "UN", "EN", 1948, Set.of("Rights", "")),
                file);

        Document read = documents.get(created.id());
        assertThat(read.title()).isEqualTo("Universal Declaration");
        assertThat(read.kind()).isEqualTo(DocumentKind.CONVENTION);
        assertThat(read.issuingBody()).isEqualTo("UN");
        assertThat(read.sourceLanguage()).isEqualTo("en");
        assertThat(read.year()).isEqualTo(1948);
        assertThat(read.tags()).containsExactly("rights");
        assertThat(read.files()).singleElement().satisfies(f -> {
            assertThat(f.sha256()).isEqualTo(file.sha256());
            assertThat(f.originalName()).isEqualTo("udhr.txt");
            assertThat(f.language()).isEqualTo("en");
            assertThat(f.languageConfidence()).isEqualTo(0.9);
            assertThat(f.textLength()).isEqualTo(file.text().length());
        });
        assertThat(documents.ownerOf(file.sha256())).contains(created.id());
        assertThat(documents.text(created.id())).contains("Everyone has the right to life.");
        assertThat(created).as("what create returns is what is stored").isEqualTo(read);
    }

    @Test
    void cataloguingAFileIsOneCallAnsweringCreatedAttachedOrDuplicateOf() {
        NewFile first = file("Article 1. All human beings are born free.", "charter.txt", "pt_br");
        NewDocument asNew = new NewDocument("Charter", DocumentKind.CHARTER, null, "pt_br", null, Set.of());

        Catalogued created = documents.catalogue(first, asNew, null);

        assertThat(created).isInstanceOf(Catalogued.Created.class);
        Document charter = ((Catalogued.Created) created).document();
        assertThat(charter.sourceLanguage()).isEqualTo("pt-BR");
        assertThat(documents.get(charter.id()).files()).singleElement().satisfies(f -> assertThat(f.language())
                .isEqualTo("pt-BR"));

        NewFile annex = file("Annex: the commentary.", "annex.txt", "en");
        Catalogued attached = documents.catalogue(annex, asNew, charter.id());
        assertThat(attached).isInstanceOf(Catalogued.Attached.class);
        assertThat(((Catalogued.Attached) attached).document().files()).hasSize(2);

        long before = documents.count();
        Catalogued again = documents.catalogue(first, asNew, null);
        assertThat(again).isEqualTo(new Catalogued.DuplicateOf(charter.id(), "Charter"));
        assertThat(documents.count()).as("a duplicate writes nothing").isEqualTo(before);

        assertThat(recorder.ingested.stream().filter(e -> e.documentId().equals(charter.id())))
                .as("published once per created or attached file, none for the duplicate")
                .containsExactly(
                        new DocumentIngested(charter.id(), first.sha256(), "charter.txt", "text/plain", "pt-BR", true),
                        new DocumentIngested(charter.id(), annex.sha256(), "annex.txt", "text/plain", "en", false));
    }

    @Test
    void aNewVersionReplacesAFileInItsPlaceAndTheOldOneStaysSuperseded() {
        NewFile cover = file("Cover letter.", "cover.txt", "en");
        NewFile old = file("Everyone has the right to life.", "charter.txt", "en");
        Document document =
                documents.create(new NewDocument("Versions", DocumentKind.CHARTER, null, "en", null, Set.of()), cover);
        documents.attach(document.id(), old);
        NewFile next = file("Everyone has the right to life and liberty.", "charter-2.txt", "en");
        recorder.ingested.clear();

        FileReplaced replaced = documents.replaceFile(document.id(), old.sha256(), next);

        assertThat(replaced).isEqualTo(new FileReplaced(document.id(), old.sha256(), next.sha256()));
        Document read = documents.get(document.id());
        assertThat(read.files()).extracting(DocumentFile::sha256).containsExactly(cover.sha256(), next.sha256());
        assertThat(documents.text(document.id()).orElseThrow())
                .contains("liberty")
                .doesNotContain("right to life.");
        assertThat(documents.supersededFiles(document.id())).singleElement().satisfies(s -> {
            assertThat(s.file().sha256()).isEqualTo(old.sha256());
            assertThat(s.supersededBy()).isEqualTo(next.sha256());
        });
        assertThat(documents.previousVersionOf(next.sha256())).contains(old.sha256());
        assertThat(documents.previousVersionOf(old.sha256())).isEmpty();
        assertThat(documents.ownerOf(old.sha256())).contains(document.id());
        assertThat(recorder.ingested).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(next.sha256());
            assertThat(e.newDocument()).isFalse();
        });
    }

    @Test
    void aBadNewVersionIsRefusedAndChangesNothing() {
        NewFile old = file("Article 1.", "rules.txt", "en");
        Document document = documents.create(
                new NewDocument("Refused versions", DocumentKind.OTHER, null, "en", null, Set.of()), old);
        NewFile pdf = new NewFile(
                file("A PDF.", "rules.pdf", "en").sha256(),
                "rules.pdf",
                "application/pdf",
                10,
                null,
                null,
                null,
                null,
                null,
                "A PDF.");
        NewFile empty = new NewFile(
                file("", "empty.txt", "en").sha256(), "empty.txt", "text/plain", 0, null, null, null, null, null, "");

        assertThatThrownBy(() -> documents.replaceFile(document.id(), old.sha256(), pdf))
                .isInstanceOfSatisfying(UnsupportedTypeException.class, e -> assertThat(e.code())
                        .isEqualTo("different-file-kind"));
        assertThatThrownBy(() -> documents.replaceFile(document.id(), old.sha256(), empty))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("empty-file"));
        assertThatThrownBy(() -> documents.replaceFile(document.id(), old.sha256(), old))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("same-file-version"));
        assertThatThrownBy(() -> documents.replaceFile(document.id(), Sha256.parse("ab".repeat(32)), pdf))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).isEqualTo("file-not-found"));

        assertThat(documents.get(document.id())).isEqualTo(document);
        assertThat(documents.supersededFiles(document.id())).isEmpty();
        assertThat(documents.ownerOf(pdf.sha256())).isEmpty();

        NewFile second = file("Article 1, revised.", "rules-2.txt", "en");
        documents.replaceFile(document.id(), old.sha256(), second);
        assertThatThrownBy(() -> documents.replaceFile(document.id(), old.sha256(), file("Third.", "r3.txt", "en")))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("file-superseded"));
    }

    @Test
    void cataloguingIntoADocumentThatIsGoneIsNotFound() {
        NewFile file = file("Orphan text.", "orphan.txt", null);

        assertThatThrownBy(() -> documents.catalogue(file, null, DocumentId.random()))
                .isInstanceOf(NotFoundException.class);
        assertThat(documents.ownerOf(file.sha256())).isEmpty();
    }

    @Test
    void attachesFilesInOrderAndConcatenatesTheirText() {
        Document kit = documents.create(
                new NewDocument("Police training kit", DocumentKind.KIT, null, null, null, Set.of()),
                file("Brochure one.", "one.txt", "ru"));
        documents.attach(kit.id(), file("Brochure two.", "two.txt", "ru"));
        Document after = documents.attach(kit.id(), file("Brochure three.", "three.txt", "uk"));

        assertThat(after.files())
                .extracting(DocumentFile::originalName)
                .containsExactly("one.txt", "two.txt", "three.txt");
        assertThat(after.languages()).containsExactly("ru", "uk");
        assertThat(documents.text(kit.id())).contains("Brochure one.\n\nBrochure two.\n\nBrochure three.");
    }

    @Test
    void theSameFileCannotBelongToTwoDocuments() {
        NewFile file = file("Once.", "once.txt", null);
        Document first = documents.create(new NewDocument("First", null, null, null, null, null), file);
        Document second =
                documents.create(new NewDocument("Second", null, null, null, null, null), file("x", "x", null));
        long before = documents.count();

        assertThatThrownBy(() -> documents.attach(second.id(), file))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(first.id().toString());
        assertThat(documents.get(second.id()).files()).hasSize(1);
        assertThat(documents.count()).isEqualTo(before);
    }

    @Test
    void correctsEveryFieldAndPublishesDocumentChangedAfterCommit() {
        Document doc = documents.create(
                new NewDocument("Rotterdam charter", DocumentKind.OTHER, "Someone", "nl", 1990, Set.of("police")),
                file("text", "charter.txt", "nl"));
        recorder.afterCommit.clear();

        Document corrected = documents.correct(
                doc.id(),
                new CorrectDocument(
                        "Rotterdam Charter", DocumentKind.CHARTER, "", "en", null, true, Set.of("policing", "ethnic")));

        assertThat(corrected.title()).isEqualTo("Rotterdam Charter");
        assertThat(corrected.kind()).isEqualTo(DocumentKind.CHARTER);
        assertThat(corrected.issuingBody()).isNull();
        assertThat(corrected.sourceLanguage()).isEqualTo("en");
        assertThat(corrected.year()).isNull();
        assertThat(corrected.tags()).containsExactly("ethnic", "policing");
        assertThat(corrected.updatedAt()).isAfterOrEqualTo(doc.updatedAt());
        assertThat(documents.get(doc.id())).isEqualTo(corrected);
        assertThat(recorder.afterCommit).containsExactly(new DocumentChanged(doc.id()));
    }

    @Test
    void badCorrectionsChangeNothing() {
        Document doc = documents.create(
                new NewDocument("Stable", DocumentKind.MANUAL, null, null, 2001, null), file("t", "t.txt", null));

        assertThatThrownBy(() ->
                        documents.correct(doc.id(), new CorrectDocument(" ", null, null, null, null, false, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("title");
        assertThatThrownBy(() -> documents.correct(
                        doc.id(), new CorrectDocument(null, null, null, "not a language", null, false, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() ->
                        documents.correct(doc.id(), new CorrectDocument(null, null, null, null, 99999, false, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("year");
        assertThatThrownBy(() -> documents.correct(
                        DocumentId.random(), new CorrectDocument("X", null, null, null, null, false, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(documents.get(doc.id())).isEqualTo(doc);
    }

    @Test
    void listsPagesFilteredByTextKindLanguageAndTag() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            documents.create(
                    new NewDocument(
                            marker + " report " + i,
                            i % 2 == 0 ? DocumentKind.REPORT : DocumentKind.MANUAL,
                            "Council of Europe",
                            i < 2 ? "ru" : "en",
                            2000 + i,
                            Set.of(i == 4 ? "prisons" : "police")),
                    file("body " + i, "r" + i + ".txt", i == 3 ? "de" : null));
        }

        DocumentPage all = documents.list(new DocumentQuery(marker, null, null, null, 0, 2));
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.items()).hasSize(2);
        assertThat(all.pages()).isEqualTo(3);
        assertThat(documents
                        .list(new DocumentQuery(marker, null, null, null, 2, 2))
                        .items())
                .hasSize(1);
        assertThat(documents
                        .list(new DocumentQuery(marker, DocumentKind.REPORT, null, null, 0, 10))
                        .total())
                .isEqualTo(3);
        assertThat(documents
                        .list(new DocumentQuery(marker, null, "ru", null, 0, 10))
                        .total())
                .isEqualTo(2);
        assertThat(documents
                        .list(new DocumentQuery(marker, null, "de", null, 0, 10))
                        .total())
                .isEqualTo(1);
        assertThat(documents
                        .list(new DocumentQuery(marker, null, null, "PRISONS", 0, 10))
                        .items())
                .singleElement()
                .extracting(Document::title)
                .isEqualTo(marker + " report 4");
        assertThat(documents
                        .list(new DocumentQuery(marker + " council", null, null, null, 0, 10))
                        .total())
                .isEqualTo(5);
        assertThat(documents
                        .list(new DocumentQuery("100%_", null, null, null, 0, 10))
                        .total())
                .isZero();
        assertThatThrownBy(() -> new DocumentQuery(null, null, null, null, 0, 0))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void forEachVisitsEveryDocumentOnceAcrossPages() {
        for (int i = 0; i < 450; i++) {
            db.sql("INSERT INTO library_document (id, title, kind, created_at, updated_at)"
                            + " VALUES (?, ?, 'OTHER', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                    .params(UUID.randomUUID(), "bulk " + i)
                    .update();
        }
        List<DocumentId> seen = new ArrayList<>();

        documents.forEach(d -> seen.add(d.id()));

        assertThat(seen).doesNotHaveDuplicates().hasSize((int) documents.count());
        assertThat(seen).containsExactlyElementsOf(documents.ids());
    }
}
