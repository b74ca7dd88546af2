package org.verso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.Document;
import org.verso.library.DocumentId;
import org.verso.library.DocumentIngested;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;
import org.verso.library.NewDocument;
import org.verso.library.NewFile;
import org.verso.library.Sha256;
import org.verso.library.testing.TempDirs;

/**
 * Once a module provides a {@link TranslationSource} bean, search keeps its translations: a rebuild indexes them
 * with their documents, and the start-up check rebuilds an index whose translations disagree with it. The bean here
 * stands in for the translation module: translations held in a map.
 */
@SpringBootTest(classes = {SearchTestApplication.class, TranslationSourceWiringTest.Translations.class})
class TranslationSourceWiringTest {
    static final Path DATA_DIR = TempDirs.create("verso-search-translations-test");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA_DIR::toString);
    }

    /** The translation module's part, as search sees it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Translations {
        @Bean
        HeldTranslations heldTranslations() {
            return new HeldTranslations();
        }
    }

    static final class HeldTranslations implements TranslationSource {
        final Map<DocumentId, List<SearchableTranslation>> held = new ConcurrentHashMap<>();

        @Override
        public List<SearchableTranslation> translationsOf(DocumentId id) {
            return held.getOrDefault(id, List.of());
        }
    }

    @Autowired
    Documents documents;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    LibraryIndex index;

    @Autowired
    SearchMaintenance maintenance;

    @Autowired
    HeldTranslations translations;

    private Document charter;

    @BeforeEach
    void catalogue() throws Exception {
        awaitRebuild(); // the start-up check may still run
        String text = "Policing in a multi-ethnic society respects the dignity of every person.";
        Sha256 sha = Sha256.of(
                java.security.MessageDigest.getInstance("SHA-256").digest((text + System.nanoTime()).getBytes()));
        charter = documents.create(
                new NewDocument("Rotterdam Charter", DocumentKind.CHARTER, "Council of Europe", "en", 1996, Set.of()),
                new NewFile(sha, "charter.txt", "text/plain", text.length(), "en", 0.99, null, "UTF-8", null, text));
        events.publishEvent(new DocumentIngested(charter.id(), sha, "charter.txt", "text/plain", "en", true));
        awaitIndexed(charter.id());
    }

    private void awaitIndexed(DocumentId id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!index.documentIds().contains(id.toString()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(index.documentIds()).contains(id.toString());
    }

    private void awaitRebuild() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (maintenance.progress().running() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private SearchableTranslation translation(String language, TranslationStatus status, String text) {
        return new SearchableTranslation(charter.id(), language, status, "Charte de Rotterdam", text);
    }

    private List<String> translationsShown(String query) {
        return index.search(SearchQuery.of(query)).hits().stream()
                .filter(hit -> hit.documentId().equals(charter.id().toString()))
                .flatMap(hit -> hit.translations().stream())
                .map(t -> t.language() + " " + t.status())
                .toList();
    }

    @Test
    void aRebuildKeepsTheTranslationsTheSourceProvides() throws Exception {
        translations.held.put(
                charter.id(),
                List.of(
                        translation("fr", TranslationStatus.APPROVED, "La police respecte la dignité de chacun."),
                        translation("nl", TranslationStatus.IN_REVIEW, "De politie respecteert ieders waardigheid.")));

        maintenance.rebuild("admin");
        awaitRebuild();

        assertThat(maintenance.progress().state()).isEqualTo(RebuildProgress.State.DONE);
        assertThat(translationsShown("dignité")).containsExactly("fr approved");
        assertThat(translationsShown("waardigheid")).containsExactly("nl in-review");
        assertThat(maintenance.check()).as("index and source agree now").isFalse();
    }

    @Test
    void theCheckRebuildsAnIndexThatLostATranslation() throws Exception {
        translations.held.put(
                charter.id(), List.of(translation("fr", TranslationStatus.APPROVED, "Le maintien de l'ordre.")));
        maintenance.rebuild("admin");
        awaitRebuild();
        assertThat(translationsShown("maintien")).containsExactly("fr approved");

        index.removeTranslation(charter.id(), "fr"); // lost, say, in a crash before its commit
        index.refresh();
        assertThat(translationsShown("maintien")).isEmpty();

        assertThat(maintenance.check()).isTrue();
        awaitRebuild();

        assertThat(maintenance.progress().reason()).isEqualTo("translations-mismatch");
        assertThat(translationsShown("maintien")).containsExactly("fr approved");
    }

    @Test
    void theCheckNoticesATranslationWhoseStatusMovedOn() throws Exception {
        translations.held.put(
                charter.id(), List.of(translation("fr", TranslationStatus.IN_REVIEW, "Une société pluriethnique.")));
        maintenance.rebuild("admin");
        awaitRebuild();
        assertThat(maintenance.check()).isFalse();

        translations.held.put(
                charter.id(), List.of(translation("fr", TranslationStatus.APPROVED, "Une société pluriethnique.")));

        assertThat(maintenance.check()).isTrue();
        awaitRebuild();
        assertThat(translationsShown("pluriethnique")).containsExactly("fr approved");
    }

    @Test
    void aCorrectionOfTheDocumentKeepsItsTranslations() throws Exception {
        translations.held.put(
                charter.id(), List.of(translation("fr", TranslationStatus.APPROVED, "Les gardiens de la paix.")));
        maintenance.rebuild("admin");
        awaitRebuild();

        documents.correct(
                charter.id(),
                new org.verso.library.CorrectDocument("Rotterdam Charter (1996)", null, null, null, null, false, null));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (index.search(SearchQuery.of("title:1996")).total() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(index.search(SearchQuery.of("title:1996")).total()).isEqualTo(1);
        assertThat(translationsShown("gardiens")).containsExactly("fr approved");
    }
}
