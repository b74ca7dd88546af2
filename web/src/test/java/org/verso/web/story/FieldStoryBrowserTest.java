package org.verso.web.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.library.LanguageTag;
import org.verso.library.testing.Environment;
import org.verso.memory.MemoryUnit;
import org.verso.memory.Origin;
import org.verso.memory.Provenance;
import org.verso.memory.TranslationMemory;
import org.verso.memory.UnitId;
import org.verso.web.story.StoryFiles.Pair;
import org.verso.web.testing.Browser;
import org.verso.web.testing.Http;
import org.verso.web.testing.OmegaT;
import org.verso.web.testing.WebTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18's field story, step by step in real browsers, each step as the person in that role does it: the police kit
 * and the charter uploaded and catalogued, translated into Russian (a claim race, the keyboard with a memory match and
 * a glossary term, OmegaT offline), reviewed and approved, found by a Russian search, printed and paid by two funders,
 * requested, allocated over a university's 18 branches and received on a phone, reported to each funder and traced.
 * The API only prepares bulk data (accounts, the memory, recipients, funders) and moves the shipments nobody watches.
 * A picture of each step is kept in {@code target/field-story/NN-<step>.png}; the README shows three of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FieldStoryBrowserTest extends WebTest {
    static final Path SHOTS = Path.of("target", "field-story");
    static final String PASSWORD = "field-story-password-1";
    static final List<Pair> CHARTER = List.of(
            new Pair("Charter of the Rights of Detained Persons", "Хартия прав задержанных"),
            new Pair(
                    "Every detained person has the right to a lawyer from the first hour.",
                    "Каждый задержанный имеет право на адвоката с первого часа."),
            new Pair(
                    "No detained person may be subjected to torture or cruel treatment.",
                    "Никакие пытки задержанных и жестокое обращение с ними не допускаются."));
    static final String KIT_TITLE = "Police training kit";

    @RegisterExtension
    static Browser browser = new Browser();

    @RegisterExtension
    static Browser second = new Browser();

    @TempDir
    static Path files;

    @Autowired
    Accounts accounts;

    @Autowired
    TranslationMemory memory;

    /** What the story has made so far, step after step. */
    static String kit;

    static String charter;
    static String kitTranslation;
    static String charterTranslation;
    static Browser winner;
    static Browser other;
    static String winnerName;
    static String kitRevision;
    static String charterRevision;
    static String coe;
    static String foundation;
    static String kitEdition;
    static String charterEdition;
    static String office;
    static List<String> branchNames = new ArrayList<>();
    static List<String> shipments = new ArrayList<>();
    static String lostBranch;

    @BeforeAll
    static void omegatIsInstalled() {
        Environment.require(OmegaT.executable() != null, "OmegaT (Debian package omegat)");
    }

    @BeforeEach
    void people() {
        browser.at(port);
        second.at(port);
        account("story-cora", "Cora Coordinator", Role.COORDINATOR);
        account("story-rita", "Rita Reviewer", Role.COORDINATOR);
        account("story-tanya", "Tanya Translator", Role.TRANSLATOR);
        account("story-ivan", "Ivan Translator", Role.TRANSLATOR);
        account("story-lena", "Lena Logistics", Role.LOGISTICS);
    }

    void account(String username, String name, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(
                    new CreateAccount(username, name, PASSWORD, Set.of(role), Set.of(LanguageTag.of("ru")), "en"));
        }
    }

    static Browser signedIn(Browser b, String username) {
        b.signIn(username, PASSWORD).waitFor("#who");
        return b;
    }

    Http as(String username) {
        return http().as(username, PASSWORD);
    }

    static void shot(Browser b, String name) {
        b.snapshotTo(SHOTS.resolve(name + ".png"));
    }

    static Actions keys(Browser b) {
        return new Actions(b.driver());
    }

    static void ctrl(Browser b, CharSequence key) {
        keys(b).keyDown(Keys.CONTROL).sendKeys(key).keyUp(Keys.CONTROL).perform();
    }

    String create(String path, Object body) {
        var answer = admin().postJson(path, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    /** Something made through the API under a name. */
    record Named(String id, String name) {}

    /**
     * Makes {@code path}'s thing under {@code name} (its {@code field}), or, when another test sharing the database
     * took the name first, under the name with a suffix: the pictures show plain names when the story runs alone.
     */
    Named named(String path, String field, String name, Map<String, Object> rest) {
        Map<String, Object> body = new LinkedHashMap<>(rest);
        body.put(field, name);
        var answer = admin().postJson(path, body);
        if (answer.status() == 409) {
            String unique = name + " " + Long.toString(System.nanoTime(), 36);
            return named(path, field, unique, rest);
        }
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return new Named(answer.json().path("id").asString(), name);
    }

    // 1 ------------------------------------------------------------------------------------------------------------

    /** Uploads files through the ingest page (into {@code documentId} when given) and answers the job's documents. */
    List<String> upload(Browser b, List<Path> paths, String documentId) {
        b.open("/ingest");
        b.driver()
                .findElement(By.id("files"))
                .sendKeys(String.join("\n", paths.stream().map(Path::toString).toList()));
        if (documentId != null) {
            b.type("input[name=documentId]", documentId);
        }
        b.click("#upload");
        b.until(d -> b.path().startsWith("/ingest/jobs/"));
        String job = b.path();
        b.until(d -> {
            b.open(job);
            return b.all("#items tbody tr[data-outcome=ingested]").size() == paths.size();
        });
        return b.all("#items tbody tr a[href*='/documents/']").stream()
                .map(a -> a.getAttribute("href").replaceAll(".*/documents/", ""))
                .toList();
    }

    @Test
    @Order(1)
    void step1_aCoordinatorUploadsThePoliceKitAsOneDocumentOfFourFilesAndTheCharter() throws Exception {
        List<Path> brochures = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            StoryFiles brochure = StoryFiles.of(StoryFiles.brochure(n));
            boolean word = n % 2 == 1;
            Path file = files.resolve("police-kit-" + n + (word ? ".docx" : ".odt"));
            Files.write(file, word ? brochure.docx() : brochure.odt());
            brochures.add(file);
        }
        Path charterFile = files.resolve("charter-of-detained-persons.docx");
        Files.write(charterFile, StoryFiles.charter(CHARTER));

        Browser cora = signedIn(browser.size(1280, 900), "story-cora");
        kit = upload(cora, brochures.subList(0, 1), null).get(0);
        assertThat(upload(cora, brochures.subList(1, 4), kit)).containsOnly(kit);
        charter = upload(cora, List.of(charterFile), null).get(0);

        // each gets its title and kind on its page; both were catalogued as English
        catalogue(cora, charter, CHARTER.get(0).en(), "CHARTER");
        assertThat(cora.all("#files tbody tr")).hasSize(1);
        catalogue(cora, kit, KIT_TITLE, "KIT");
        assertThat(cora.all("#files tbody tr")).hasSize(4);
        assertThat(cora.find("#files").getText())
                .contains("police-kit-1.docx", "police-kit-2.odt", "police-kit-3.docx", "police-kit-4.odt");
        shot(cora, "01-kit-catalogued");
    }

    static void catalogue(Browser cora, String document, String title, String kind) {
        cora.open("/documents/" + document);
        assertThat(cora.find("#metadata input[name=sourceLanguage]").getAttribute("value"))
                .isEqualTo("en");
        cora.type("#metadata input[name=title]", title);
        new Select(cora.find("#metadata select[name=kind]")).selectByValue(kind);
        cora.click("#save");
        cora.waitFor("#done");
        assertThat(cora.find("#doc-title").getText()).isEqualTo(title);
    }

    // 2 ------------------------------------------------------------------------------------------------------------

    String openRussian(Browser cora, String document, boolean preTranslate) {
        cora.open("/translations?document=" + document);
        assertThat(new Select(cora.find("#open-document"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(document);
        cora.type("#open-languages", "ru");
        if (!preTranslate) {
            cora.click("#open-pretranslate");
        }
        cora.click("#open-submit");
        cora.until(d -> cora.find("#open-done").isDisplayed());
        var list = as("story-cora").get("/api/translations?document=" + document + "&language=ru");
        assertThat(list.json().path("items").size()).as(list.body()).isEqualTo(1);
        return list.json().path("items").get(0).path("id").asString();
    }

    @Test
    @Order(2)
    void step2_translationsAreOpenedAndOfTwoTranslatorsClaimingTheCharterAtOnceOneWins() throws Exception {
        Browser cora = signedIn(browser, "story-cora");
        kitTranslation = openRussian(cora, kit, true);
        // the charter without pre-translation: its translator takes the memory's match from the panel
        charterTranslation = openRussian(cora, charter, false);

        Browser tanya = signedIn(browser, "story-tanya");
        Browser ivan = signedIn(second.size(1280, 900), "story-ivan");
        for (Browser b : List.of(tanya, ivan)) {
            b.open("/translations/" + charterTranslation);
            b.until(d -> "open".equals(b.find("#t-status").getAttribute("data-status")));
        }
        List<WebElement> buttons = List.of(tanya.find("#t-claim"), ivan.find("#t-claim"));
        CountDownLatch ready = new CountDownLatch(1);
        List<Thread> clicks = new ArrayList<>();
        for (WebElement button : buttons) {
            Thread click = new Thread(() -> {
                try {
                    ready.await();
                    button.click();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            click.start();
            clicks.add(click);
        }
        ready.countDown();
        for (Thread click : clicks) {
            click.join(TimeUnit.SECONDS.toMillis(30));
        }

        for (Browser b : List.of(tanya, ivan)) {
            b.until(d -> !b.find("#t-holder").getText().isBlank()
                    || b.all("#work-error").stream().anyMatch(WebElement::isDisplayed));
        }
        var claim = as("story-cora").get("/api/translations/" + charterTranslation);
        winnerName = claim.json().path("claim").path("holder").path("name").asString();
        assertThat(winnerName).isIn("Tanya Translator", "Ivan Translator");
        winner = winnerName.startsWith("Tanya") ? tanya : ivan;
        other = winner == tanya ? ivan : tanya;
        winner.until(d -> winner.find("#t-holder").getText().startsWith(winnerName));
        other.until(d -> other.all("#work-error").stream().anyMatch(WebElement::isDisplayed));
        assertThat(other.find("#work-error").getText())
                .startsWith("Not claimed: " + winnerName + " holds this translation until ");
        assertThat(other.find("#t-holder").getText()).startsWith(winnerName + ", until ");
        shot(other, "02-claim-lost");
    }

    // 3 ------------------------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void step3_theWinnerTranslatesTheCharterWithTheKeyboardAndTheOtherTakesTheKitOfflineToOmegaT() throws Exception {
        // the memory knows the charter's second sentence from an earlier translation; the glossary knows "torture"
        memory.add(List.of(new MemoryUnit(
                UnitId.random(),
                LanguageTag.of("en"),
                LanguageTag.of("ru"),
                CHARTER.get(1).en(),
                CHARTER.get(1).ru(),
                null,
                new Provenance(Origin.IMPORTED, null, null, null, "Cora Coordinator", Instant.now(), "charters.tmx"))));
        var term = as("story-cora")
                .postJson(
                        "/api/glossary/terms",
                        Map.of(
                                "sourceLanguage", "en",
                                "targetLanguage", "ru",
                                "sourceTerm", "torture",
                                "targetTerm", "пытки"));
        assertThat(term.status()).as(term.body()).isIn(201, 409);

        Browser w = winner.size(1280, 900);
        w.open("/translations/" + charterTranslation + "/edit");
        w.until(d -> w.find(".seg.current .seg-tgt").equals(d.switchTo().activeElement()));
        keys(w).sendKeys(CHARTER.get(0).ru()).perform();
        ctrl(w, Keys.ENTER);
        w.until(d -> w.all(".seg").get(1).getAttribute("class").contains("current"));
        w.until(d -> w.find("#tm-panel").getText().contains("100 %"));
        assertThat(w.find("#tm-panel").getText()).contains(CHARTER.get(1).ru(), "charters.tmx");
        keys(w).keyDown(Keys.CONTROL)
                .keyDown(Keys.SHIFT)
                .sendKeys("1")
                .keyUp(Keys.SHIFT)
                .keyUp(Keys.CONTROL)
                .perform();
        w.until(d ->
                w.find(".seg.current .seg-tgt").getText().equals(CHARTER.get(1).ru()));
        ((org.openqa.selenium.JavascriptExecutor) w.driver())
                .executeScript("document.getElementById('tm-panel').scrollIntoView({block: 'end'});");
        shot(w, "03-editor-memory-match");
        ctrl(w, Keys.ENTER);
        w.until(d -> w.all(".seg").get(2).getAttribute("class").contains("current"));
        WebElement termMark = w.find(".seg.current .seg-src mark.term");
        assertThat(termMark.getText()).isEqualTo("torture");
        assertThat(termMark.getAttribute("title")).contains("пытки");
        keys(w).sendKeys(CHARTER.get(2).ru()).perform();
        ctrl(w, Keys.ENTER);
        w.until(d -> w.all(".seg[data-status='translated']").size() == 3
                && w.find("#ed-saving").getText().equals("All changes saved"));
        List<String> targets = targets(charterTranslation);
        assertThat(targets)
                .containsExactly(
                        CHARTER.get(0).ru(), CHARTER.get(1).ru(), CHARTER.get(2).ru());
        w.open("/translations/" + charterTranslation);
        w.until(d -> w.find("#t-submit").isDisplayed());
        w.click("#t-submit");
        w.until(d -> "in_review".equals(w.find("#t-status").getAttribute("data-status")));

        // the other translator claims the kit and takes it offline to OmegaT
        Browser o = other;
        o.open("/translations/" + kitTranslation);
        o.until(d -> o.find("#t-claim").isDisplayed());
        o.click("#t-claim");
        o.until(d -> o.find("#t-submit").isDisplayed()
                || o.find("#t-holder").getText().contains("Translator"));
        String exportUrl = http().url("/translations/" + kitTranslation + "/xliff?status=all&version=1.2");
        assertThat(o.find("#t-xliff-export").getAttribute("action"))
                .endsWith("/translations/" + kitTranslation + "/xliff");
        byte[] xliff = o.download(exportUrl);
        assertThat(new String(xliff, java.nio.charset.StandardCharsets.UTF_8))
                .contains("police-kit-1.docx", "police-kit-2.odt", "police-kit-3.docx", "police-kit-4.odt");
        Map<String, String> russian = new HashMap<>();
        for (int n = 1; n <= 4; n++) {
            StoryFiles.brochure(n).forEach(p -> russian.put(p.en().replaceAll("</?b>", ""), p.ru()));
        }
        OmegaT omegat = OmegaT.project(Files.createDirectories(files.resolve("omegat")), "kit.ru.xlf", xliff);
        List<String> sources = omegat.sources();
        assertThat(sources).hasSize(24);
        byte[] translated = omegat.translate(sources, source -> russianOf(russian, source));
        Path back = files.resolve("kit.ru.xlf");
        Files.write(back, translated);
        o.driver().findElement(By.id("t-xliff-file")).sendKeys(back.toString());
        o.click("#t-xliff-upload");
        o.until(d -> o.find("#t-xliff-summary").isDisplayed());
        assertThat(o.find("#t-xliff-summary").getText()).startsWith("Imported: 24 updated, 0 unchanged, 0 in conflict");
        shot(o, "03-kit-back-from-omegat");
        assertThat(targets(kitTranslation)).contains("Тема «допрос»: объясните причину простыми словами.");
        o.open("/translations/" + kitTranslation);
        o.until(d -> o.find("#t-submit").isDisplayed());
        o.click("#t-submit");
        o.until(d -> "in_review".equals(o.find("#t-status").getAttribute("data-status")));
    }

    /** The Russian of an OmegaT source: the pair's sentence, its bold phrase in OmegaT's tag pair. */
    static String russianOf(Map<String, String> russian, String source) {
        String plain = source.replaceAll("</?[a-z]+\\d+/?>", "");
        String ru = russian.get(plain);
        assertThat(ru).as("a Russian sentence for %s", source).isNotNull();
        Matcher tag = Pattern.compile("<([a-z]+\\d+)>").matcher(source);
        return tag.find() ? ru.replace("<b>", "<" + tag.group(1) + ">").replace("</b>", "</" + tag.group(1) + ">") : ru;
    }

    List<String> targets(String translation) {
        var answer = as("story-cora").get("/api/translations/" + translation + "/segments?size=100");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> list = new ArrayList<>();
        answer.json().path("items").forEach(s -> list.add(s.path("target").asString()));
        return list;
    }

    // 4 ------------------------------------------------------------------------------------------------------------

    static String status(Browser b, int i) {
        List<WebElement> rows = b.all(".seg");
        return rows.size() > i ? rows.get(i).getAttribute("data-status") : null;
    }

    static void approve(Browser reviewer, String translation) {
        reviewer.open("/translations/" + translation);
        reviewer.until(d -> reviewer.find("#t-approve").isDisplayed());
        reviewer.click("#t-approve");
        reviewer.until(d -> reviewer.all("#t-revisions tr[data-revision='1']").size() == 1);
    }

    String revision(String translation) {
        JsonNode revisions =
                as("story-cora").get("/api/translations/" + translation).json().path("revisions");
        assertThat(revisions.size()).isEqualTo(1);
        assertThat(revisions.get(0).path("number").asInt()).isEqualTo(1);
        return revisions.get(0).path("id").asString();
    }

    @Test
    @Order(4)
    void step4_aReviewerRejectsASegmentWithACommentItIsFixedAndBothTranslationsGetRevisionOne() {
        Browser rita = signedIn(other, "story-rita");
        rita.open("/translations/" + charterTranslation + "/review");
        rita.until(d -> rita.all(".seg .review-reject").size() == 3);
        WebElement heading = rita.all(".seg").get(0);
        heading.findElement(By.cssSelector(".review-comment")).sendKeys("«задержанных лиц», как в законе");
        heading.findElement(By.cssSelector(".review-reject")).click();
        rita.until(d -> "rejected".equals(status(rita, 0)));
        for (int i = 1; i < 3; i++) {
            int row = i;
            rita.all(".seg")
                    .get(row)
                    .findElement(By.cssSelector(".review-approve"))
                    .click();
            rita.until(d -> "approved".equals(status(rita, row)));
        }

        Browser w = winner;
        w.open("/translations/" + charterTranslation + "/edit");
        w.until(d -> w.all(".seg-comment").size() == 1);
        assertThat(w.find(".seg-comment").getText()).contains("«задержанных лиц», как в законе");
        w.all(".seg").get(0).findElement(By.cssSelector(".seg-tgt")).click();
        keys(w).sendKeys(Keys.END).sendKeys(" лиц").perform();
        ctrl(w, Keys.ENTER);
        w.until(d -> "translated".equals(status(w, 0)));

        rita.open("/translations/" + charterTranslation + "/review");
        rita.until(d -> "translated".equals(status(rita, 0)));
        rita.all(".seg").get(0).findElement(By.cssSelector(".review-approve")).click();
        rita.until(d -> "approved".equals(status(rita, 0)));
        approve(rita, charterTranslation);
        charterRevision = revision(charterTranslation);
        assertThat(targets(charterTranslation).get(0)).isEqualTo("Хартия прав задержанных лиц");

        // the kit: every segment approved from the review page, then the translation
        rita.open("/translations/" + kitTranslation + "/review");
        rita.until(d -> rita.all(".seg .review-approve").size() == 24);
        rita.all(".seg .review-approve").forEach(WebElement::click);
        rita.until(d -> rita.all(".seg[data-status='approved']").size() == 24);
        approve(rita, kitTranslation);
        kitRevision = revision(kitTranslation);
        shot(rita, "04-kit-revision-1");
    }

    // 5 ------------------------------------------------------------------------------------------------------------

    @Test
    @Order(5)
    void step5_aRussianSearchFindsTheCharterThroughItsTranslationBesideTheEnglishOriginal() {
        Browser cora = signedIn(browser.size(1280, 900), "story-cora");
        String hit = "#hits .hit[data-document='" + charter + "']";
        cora.until(d -> {
            cora.open("/search");
            cora.type("#q", "пытки задержанных");
            cora.find("#q").sendKeys(Keys.ENTER);
            cora.waitFor("#hits, #no-results");
            return !cora.all(hit).isEmpty();
        });
        WebElement found = cora.find(hit);
        assertThat(found.findElement(By.cssSelector(".title")).getText())
                .isEqualTo(CHARTER.get(0).en());
        assertThat(found.findElement(By.cssSelector("h3 .lang")).getText()).isEqualToIgnoringCase("en");
        WebElement russian = found.findElement(By.cssSelector("li.translation[data-language='ru']"));
        assertThat(russian.findElement(By.cssSelector(".snippet")).getDomProperty("innerHTML"))
                .contains("<mark>");
        shot(cora, "05-search-russian");
    }

    // 6 ------------------------------------------------------------------------------------------------------------

    /** Builds an edition on the editions page: one approved revision and, when given, one other item. */
    static String build(Browser lena, String title, String revision, String code, String description) {
        lena.open("/distribution/editions");
        lena.type("#edition-title", title).type("#edition-language", "ru").type("#edition-revision", revision);
        if (code != null) {
            lena.type("#edition-code", code).type("#edition-description", description);
        }
        lena.click("#edition-submit");
        assertThat(lena.waitFor("#edition-built").getText()).isEqualTo("Edition \"" + title + "\" built.");
        return title;
    }

    /** Orders a print run on the print runs page, each funder's share on a row of its own. */
    static void order(Browser lena, String edition, int copies, Map<String, Integer> shares) {
        lena.open("/distribution/print-runs");
        new Select(lena.find("#order-edition")).selectByVisibleText(edition);
        lena.type("#order-quantity", String.valueOf(copies)).type("#order-printer", "Typography No. 1");
        int row = 1;
        for (var share : shares.entrySet()) {
            new Select(lena.find("#order-funder-" + row)).selectByValue(share.getKey());
            lena.type("#order-copies-" + row, String.valueOf(share.getValue()));
            row++;
        }
        lena.click("#order-submit");
    }

    void receive(Browser lena, String officeName, String expected) {
        lena.until(d -> lena.path().matches("/distribution/print-runs/[0-9a-f-]{36}"));
        new Select(lena.find("#receipt select[name=location]")).selectByVisibleText(officeName);
        lena.click("#receipt button[type=submit]");
        assertThat(lena.waitFor("#receipt-done").getText()).isEqualTo("The copies are in stock.");
        assertThat(lena.find("#received").getText()).isEqualTo(expected);
    }

    String editionId(String title) {
        for (JsonNode e : admin().get("/api/editions?size=200").json().path("items")) {
            if (e.path("title").asString().equals(title)) {
                return e.path("id").asString();
            }
        }
        throw new AssertionError("no edition " + title);
    }

    @Test
    @Order(6)
    void step6_logisticsBuildTheEditionsOrderTheirPrintRunsPaidByTwoFundersAndReceiveThem() {
        Named coeNamed = named("/api/funders", "name", "Council of Europe", Map.of("country", "FR"));
        Named foundationNamed = named("/api/funders", "name", "German foundation", Map.of("country", "DE"));
        coe = coeNamed.id();
        foundation = foundationNamed.id();
        String own = named("/api/funders", "name", "Own funds", Map.of()).id();
        Named officeNamed = named("/api/locations", "name", "Moscow office", Map.of("address", "Tverskaya 1"));
        office = officeNamed.id();

        // the coordinator tells logistics the approved revisions' ids; the editions are built on their page
        Browser lena = signedIn(browser, "story-lena");
        String kitTitle = build(lena, "Police training kit (ru)", kitRevision, "VIDEO", "training video");
        String charterTitle =
                build(lena, "Charter of the Rights of Detained Persons (ru)", charterRevision, null, null);
        assertThat(lena.find("#editions").getText()).contains(kitTitle, "VIDEO — training video");
        kitEdition = editionId(kitTitle);
        charterEdition = editionId(charterTitle);

        // the kit's run: shares that do not add up are refused and nothing is ordered; then the right ones
        order(lena, kitTitle, 2000, orderedMap(coe, 1000, foundation, 900));
        assertThat(lena.waitFor("#order-error").getAttribute("data-code")).isEqualTo("shares-do-not-sum");
        assertThat(admin().get("/api/print-runs?edition=" + kitEdition)
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
        order(lena, kitTitle, 2000, orderedMap(coe, 1000, foundation, 1000));
        receive(lena, officeNamed.name(), "2000 / 2000");
        assertThat(lena.all("#shares tbody tr").stream().map(WebElement::getText))
                .containsExactlyInAnyOrder(coeNamed.name() + " 1000 1000", foundationNamed.name() + " 1000 1000");
        shot(lena, "06-kit-print-run-received");
        order(lena, charterTitle, 2000, Map.of(own, 2000));
        receive(lena, officeNamed.name(), "2000 / 2000");
    }

    static Map<String, Integer> orderedMap(String first, int copies, String second, int more) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        shares.put(first, copies);
        shares.put(second, more);
        return shares;
    }

    // 7 ------------------------------------------------------------------------------------------------------------

    void step(String shipment, String... statuses) {
        for (String status : statuses) {
            var answer = admin().postJson("/api/shipments/" + shipment + "/status", Map.of("status", status));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
    }

    @Test
    @Order(7)
    void step7_aMinistryRequestsCharters_KitsAreAllocatedOverEighteenBranches_OneArrivesDamagedOneIsLost() {
        String ministry = named(
                        "/api/recipients",
                        "name",
                        "Ministry of the Interior",
                        Map.of("kind", "ministry", "city", "Moscow", "language", "ru"))
                .id();
        Named university = named(
                "/api/recipients",
                "name",
                "Police University",
                Map.of("kind", "university", "city", "Moscow", "language", "ru"));
        for (int i = 1; i <= 18; i++) {
            branchNames.add(named(
                            "/api/recipients",
                            "name",
                            String.format("Police University, branch %02d", i),
                            Map.of(
                                    "kind",
                                    "branch",
                                    "parent",
                                    university.id(),
                                    "city",
                                    "City " + i,
                                    "region",
                                    "Region " + i,
                                    "language",
                                    "ru"))
                    .name());
        }

        Browser lena = browser;
        lena.open("/distribution/requests");
        new Select(lena.find("#request-recipient")).selectByValue(ministry);
        new Select(lena.find("#request-edition")).selectByValue(charterEdition);
        lena.type("#request-copies", "500");
        lena.type("#request-by", "the ministry's training department");
        lena.click("#request-submit");
        lena.until(d ->
                lena.all("#request-status").stream().anyMatch(e -> e.getText().equals("open")));

        lena.open("/distribution/allocations/new");
        new Select(lena.find("#parent")).selectByValue(university.id());
        lena.click("#parent-show");
        lena.until(d -> lena.all("#allocation-recipients input.choose").size() == 18);
        lena.click("#choose-all");
        new Select(lena.find("#allocation-edition")).selectByValue(kitEdition);
        new Select(lena.find("#allocation-location")).selectByValue(office);
        lena.type("#allocation-copies", "2000");
        lena.type("#allocation-sender", university.name());
        lena.click("#allocation-submit");
        assertThat(lena.waitFor("#allocation-sum").getText()).isEqualTo("2,000 copies to 18 recipients (of 2,000)");
        lena.click("#plan-submit");
        assertThat(lena.waitFor("#allocation-planned").getText()).contains("18 shipments planned");
        shot(lena, "07-allocation-planned");
        lena.all("#plan a.share-shipment")
                .forEach(a -> shipments.add(
                        a.getAttribute("href").substring(a.getAttribute("href").lastIndexOf('/') + 1)));
        assertThat(shipments).hasSize(18).doesNotHaveDuplicates();

        // all 18 leave; the first is received on a phone with 10 damaged, the second is lost, the others arrive
        for (String shipment : shipments) {
            step(shipment, "packed", "dispatched");
        }
        lena.open("/distribution/shipments/" + shipments.get(0));
        lena.click("#issue-link");
        String link = lena.waitFor("#receipt-link-url").getAttribute("value");
        int copies = Integer.parseInt(admin().get("/api/shipments/" + shipments.get(0))
                .json()
                .path("lines")
                .get(0)
                .path("copies")
                .asString());

        step(shipments.get(1), "in_transit");
        lena.open("/distribution/shipments/" + shipments.get(1));
        lena.type("#step-lost input[name=note]", "not found by the post office after 30 days");
        lena.click("#step-lost button");
        lena.until(d -> lena.find("#shipment-status").getText().equals("lost"));
        String lostRecipient = admin().get("/api/shipments/" + shipments.get(1))
                .json()
                .path("recipient")
                .asString();
        lostBranch = admin().get("/api/recipients/" + lostRecipient)
                .json()
                .path("name")
                .asString();
        for (String shipment : shipments.subList(2, 18)) {
            step(shipment, "in_transit", "delivered");
        }

        Browser phone = second.size(390, 844);
        phone.driver().manage().deleteAllCookies(); // the branch has no account
        phone.driver().get(link + "?lang=en");
        phone.type("#accepted-1", String.valueOf(copies - 10));
        phone.type("#damaged-1", "10");
        phone.type("#missing-1", "0");
        phone.type("#note", "10 copies soaked in the rain");
        assertThat(phone.driver().findElement(By.tagName("body")).getSize().getWidth())
                .isLessThanOrEqualTo(390);
        shot(phone, "07-receipt-on-a-phone");
        phone.click("#receipt-submit");
        assertThat(phone.waitFor("#receipt-done").getText()).isEqualTo("Thank you, your receipt was recorded.");

        lena.open("/distribution/shipments/" + shipments.get(0));
        assertThat(lena.find("#shipment-status").getText()).isEqualTo("partly delivered");
        assertThat(lena.find("#discrepancies").getText()).contains("10 copies soaked in the rain");
    }

    // 8 ------------------------------------------------------------------------------------------------------------

    Map<String, Integer> figures(Browser b, String funder) {
        b.open("/distribution/reports/donors?funder=" + funder + "&from="
                + LocalDate.now(ZoneOffset.UTC).minusDays(30) + "&to=" + LocalDate.now(ZoneOffset.UTC));
        Map<String, Integer> figures = new LinkedHashMap<>();
        for (WebElement row : b.all("#report-figures tbody tr")) {
            figures.put(
                    row.findElement(By.tagName("th")).getText(),
                    Integer.parseInt(row.findElement(By.tagName("td")).getText().replace(",", "")));
        }
        return figures;
    }

    @Test
    @Order(8)
    void step8_eachFundersReportReconcilesAndTheTraceabilityPageListsTheBranchesHoldingRevisionOne() {
        Browser lena = browser.size(1280, 900);
        Map<String, Integer> total = new HashMap<>();
        for (String funder : List.of(foundation, coe)) {
            Map<String, Integer> f = figures(lena, funder);
            assertThat(f.get("Printed")).isEqualTo(1000);
            assertThat(f.get("Received")).isEqualTo(1000);
            int accounted = f.entrySet().stream()
                    .filter(e -> !Set.of("Printed", "Received").contains(e.getKey()))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
            assertThat(accounted).as("%s", f).isEqualTo(1000);
            assertThat(lena.find("#report-check").getText()).contains("1000 = 1000");
            assertThat(lena.find("#report-check").getAttribute("class")).contains("ok");
            f.forEach((k, v) -> total.merge(k, v, Integer::sum));
        }
        shot(lena, "08-donor-report");
        int lost = admin().get("/api/shipments/" + shipments.get(1))
                .json()
                .path("lines")
                .get(0)
                .path("copies")
                .asInt();
        assertThat(total.get("Damaged")).isEqualTo(10);
        assertThat(total.get("Lost")).isEqualTo(lost);
        assertThat(total.get("Delivered")).isEqualTo(2000 - 10 - lost);
        assertThat(total.get("In stock")).isZero();

        lena.open("/distribution/traceability");
        lena.type("#trace-form input[name=revision]", kitRevision);
        lena.click("#trace-form button[type=submit]");
        lena.waitFor("#trace-totals");
        List<String> holders = lena.all("table.holders tbody tr td:first-child").stream()
                .map(WebElement::getText)
                .toList();
        List<String> expected = new ArrayList<>(branchNames);
        expected.remove(lostBranch);
        assertThat(holders).containsExactlyInAnyOrderElementsOf(expected);
        shot(lena, "08-traceability");
    }
}
