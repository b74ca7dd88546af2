package org.verso.bench.translation;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.verso.accounts.Account;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.bench.Trees;
import org.verso.bench.search.LeanHttp;
import org.verso.library.Document;
import org.verso.library.DocumentIngested;
import org.verso.library.DocumentKind;
import org.verso.library.Documents;
import org.verso.library.FileStore;
import org.verso.library.LanguageTag;
import org.verso.library.NewDocument;
import org.verso.library.NewFile;
import org.verso.library.Sha256;
import org.verso.translation.OpenTranslations;
import org.verso.translation.SegmentationState;
import org.verso.translation.Segments;
import org.verso.translation.TargetSegment;
import org.verso.translation.Translation;
import org.verso.translation.Translations;
import org.verso.web.VersoApplication;

/**
 * Segment saves over HTTP with many translators at once, each on a translation of their own, against the bare JDBC
 * statements of the same save in the same run; and the first page of a large translation (the editor's opening).
 *
 * <p>{@code mvn -q -pl bench -am process-test-classes -Ptwork-bench} with {@code -Dtranslators=50 -Dsaves=200
 * -Dlarge=5000}; {@code -Djdbc.url=… -Djdbc.user=… -Djdbc.password=…} for PostgreSQL (else an H2 file). Last, the
 * translated DOCX of the corpus's largest DOCX ({@code -Dcorpus=…}) through {@link TranslatedOutput} against Okapi's own
 * filter and writer on the same file in the same run. {@code scripts/bench twork [h2|pg]} runs it; with {@code
 * -Dbench.only=docx} ({@code -Donly=docx}) the DOCX output alone, with {@code -Dbench.only=paced} the translators at their
 * pace alone.
 */
public final class SaveBenchmark {
    private static final String PASSWORD = "bench-password-1";

    private SaveBenchmark() {}

    public static void main(String[] args) throws Exception {
        int translators = Integer.getInteger("translators", 50);
        int saves = Integer.getInteger("saves", 200);
        int large = Integer.getInteger("large", 5000);
        Path data = Trees.temporary("verso-save-bench-");
        Recording recording = startRecording(System.getProperty("jfr", ""));
        List<String> properties = new ArrayList<>(List.of(
                "verso.data-dir=" + data,
                "verso.admin-password=" + PASSWORD,
                "server.port=0",
                "verso.search.check-on-startup=false",
                "logging.level.root=warn"));
        if (!System.getProperty("window", "").isBlank()) {
            // the translation indexing's window (0 indexes after every burst of saves, as before it had one)
            properties.add("verso.search.translation-index-window=" + System.getProperty("window"));
        }
        if (!System.getProperty("jdbc.url", "").isBlank()) {
            properties.add("spring.datasource.url=" + System.getProperty("jdbc.url"));
            properties.add("spring.datasource.username=" + System.getProperty("jdbc.user", "verso"));
            properties.add("spring.datasource.password=" + System.getProperty("jdbc.password", ""));
        }
        // as command-line arguments: they must win over application.yml (the database's URL above all)
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VersoApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new))) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Setup setup = new Setup(app);
            Account coordinator = setup.account("bench-coordinator", Role.COORDINATOR);
            if ("docx".equals(System.getProperty("only"))) {
                // -Donly=docx (bench.only): the DOCX output alone
                docxOutput(app, setup, coordinator, setup.account("bench-reader", Role.TRANSLATOR));
                return;
            }
            List<Work> http = new ArrayList<>();
            List<Work> bare = new ArrayList<>();
            for (int i = 0; i < translators; i++) {
                Account translator = setup.account("bench-translator-" + i, Role.TRANSLATOR);
                http.add(setup.work(coordinator, translator, 50));
                bare.add(setup.work(coordinator, translator, 50));
            }
            DataSource db = app.getBean(DataSource.class);
            try (Connection c = db.getConnection()) {
                System.out.printf(
                        "database: %s %s%n",
                        c.getMetaData().getDatabaseProductName(),
                        c.getMetaData().getDatabaseProductVersion());
            }
            // -Donly=paced (bench.only): the translators at their pace alone, not the closed loop nor what follows
            boolean pacedOnly = "paced".equals(System.getProperty("only"));
            // warm-up: both paths, a quarter of the run each; alone, the paced rounds get as many saves first as the
            // closed loop's three rounds would have made (the JIT is still compiling the save path before that)
            int warmUp = pacedOnly ? 3 * saves : Math.max(1, saves / 4);
            run("warm-up http", http, warmUp, 0, w -> w.http(port));
            run("warm-up jdbc", bare, warmUp, 0, w -> w.bare(db));
            if (!pacedOnly) {
                System.out.printf(
                        "%d translators, each saving again as soon as the last save is answered (%d requests always"
                                + " in flight: the capacity)%n",
                        translators, translators);
            }
            if (recording != null) {
                recording.start();
            }
            for (int round = 1; round <= (pacedOnly ? 0 : 3); round++) {
                double[] viaHttp = run("round " + round + " http", http, saves, 0, w -> w.http(port));
                double[] viaJdbc = run("round " + round + " bare jdbc", bare, saves, 0, w -> w.bare(db));
                System.out.printf(
                        "round %d: p50 http/jdbc %.2f, p99 http/jdbc %.2f, CPU/save http (without the clients)/jdbc"
                                + " %.2f%n",
                        round, viaHttp[0] / viaJdbc[0], viaHttp[1] / viaJdbc[1], viaHttp[3] / viaJdbc[2]);
            }
            if (recording != null && !pacedOnly) {
                recording.stop();
                recording.close();
                System.out.println("JFR recording of the closed loop: " + System.getProperty("jfr"));
            }
            for (int pace : PACES) {
                System.out.printf(
                        "%d translators, each saving once every %d ms (%.0f saves/s in all; latency from each save's"
                                + " planned start)%n",
                        translators, pace, translators * 1000.0 / pace);
                for (int round = 1; round <= 3; round++) {
                    double[] viaHttp = run("paced " + round + " http", http, PACED_SAVES, pace, w -> w.http(port));
                    double[] viaJdbc = run("paced " + round + " bare jdbc", bare, PACED_SAVES, pace, w -> w.bare(db));
                    System.out.printf(
                            "paced %d ms, round %d: p99 http %.2f ms (goal ≤ 20 ms), p99 http/jdbc %.2f%n",
                            pace, round, viaHttp[1], viaHttp[1] / viaJdbc[1]);
                }
            }
            if (pacedOnly) {
                if (recording != null) {
                    recording.stop();
                    recording.close();
                    System.out.println("JFR recording of the paced rounds: " + System.getProperty("jfr"));
                }
                return;
            }
            Account reader = setup.account("bench-reader", Role.TRANSLATOR);
            Work big = setup.work(coordinator, reader, large);
            // the reader signs in first (one deliberately slow bcrypt check, as a browser's sign-in pays it): the
            // page's time is the page's, not the sign-in's
            big.signIn(port);
            for (int i = 0; i < 10; i++) {
                double serverBefore = serverMillis(app);
                long cpuBefore = PROCESS.getProcessCpuTime();
                long start = System.nanoTime();
                big.firstPage(port);
                double client = (System.nanoTime() - start) / 1e6;
                System.out.printf(
                        "first page of a %d-segment translation: %.1f ms at the client, %.1f ms server time, %.1f ms"
                                + " CPU (the process)%n",
                        large,
                        client,
                        serverMillis(app) - serverBefore,
                        (PROCESS.getProcessCpuTime() - cpuBefore) / 1e6);
            }
            docxOutput(app, setup, coordinator, reader);
        }
    }

    private static void docxOutput(
            ConfigurableApplicationContext app, Setup setup, Account coordinator, Account translator) throws Exception {
        Path corpus = Path.of(System.getProperty("corpus", "../shared/corpus"));
        if (Files.isDirectory(corpus.resolve("office/docx"))) {
            DocxOutput.run(app, setup, coordinator, translator, corpus.resolve("office/docx"));
        } else {
            System.out.println("no corpus at " + corpus.toAbsolutePath() + ": the DOCX output is not measured");
        }
    }

    /**
     * With {@code -Djfr=file.jfr} (bench.jfr in the pom): a JFR recording of the whole process (the "profile"
     * settings) over the closed loop's three rounds (after the warm-up), or with {@code -Donly=paced} over the paced
     * rounds, dumped to that file; not started yet.
     */
    private static Recording startRecording(String file) throws Exception {
        if (file.isBlank()) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        // each thread's CPU every second: which background work takes the CPU in which round
        recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofSeconds(1));
        recording.enable("jdk.CPULoad").withPeriod(Duration.ofSeconds(1));
        recording.setDestination(Path.of(file));
        return recording;
    }

    /** The server's time so far on the segment pages (http.server.requests of their URI), in ms. */
    private static double serverMillis(ConfigurableApplicationContext app) {
        return app.getBean(MeterRegistry.class).find("http.server.requests").tag("uri", PAGE_URI).timers().stream()
                .mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS))
                .sum();
    }

    private static final String PAGE_URI = "/api/translations/{id}/segments";

    /** Milliseconds between one translator's saves in the paced runs: a save a second each, and four a second. */
    private static final int[] PACES = {1000, 250};

    private static final int PACED_SAVES = 20;

    /** The whole process's CPU time (every thread: the server's, the background workers', the GC's, the clients'). */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    interface Save {
        void save(Work work) throws Exception;
    }

    /**
     * Runs {@code saves} saves per translator, all at once; prints and returns p50 and p99 in ms. With a {@code pace}
     * (ms) each translator starts a save every {@code pace} ms (first ones spread over one pace) and a save's latency
     * counts from its planned start, so a save held up delays none of the measurements; with 0, each saves again as
     * soon as it is answered.
     */
    static double[] run(String name, List<Work> works, int saves, int pace, Save save) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(works.size());
        long[][] latencies = new long[works.size()][saves];
        long[] clientCpu = new long[works.size()];
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < works.size(); w++) {
            int mine = w;
            long offset = pace == 0 ? 0 : (long) pace * 1_000_000L * w / works.size();
            done.add(threads.submit(() -> {
                go.await();
                long cpuBefore = THREADS.getCurrentThreadCpuTime();
                long begin = System.nanoTime() + offset;
                for (int i = 0; i < saves; i++) {
                    long planned = pace == 0 ? System.nanoTime() : begin + (long) i * pace * 1_000_000L;
                    long wait = planned - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    save.save(works.get(mine));
                    latencies[mine][i] = System.nanoTime() - planned;
                }
                clientCpu[mine] = THREADS.getCurrentThreadCpuTime() - cpuBefore;
                return null;
            }));
        }
        long cpuStart = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = PROCESS.getProcessCpuTime() - cpuStart;
        threads.shutdown();
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double p50 = all[all.length / 2] / 1e6;
        double p99 = all[(int) (all.length * 0.99)] / 1e6;
        double cpuPerSave = cpu / 1e6 / all.length;
        double clientPerSave = Arrays.stream(clientCpu).sum() / 1e6 / all.length;
        System.out.printf(
                "%-22s %6d saves %8.1f /s  p50 %7.2f ms  p99 %7.2f ms  max %7.1f ms  CPU/save %.3f ms (process),"
                        + " %.3f ms without the client threads%n",
                name,
                all.length,
                all.length / seconds,
                p50,
                p99,
                all[all.length - 1] / 1e6,
                cpuPerSave,
                cpuPerSave - clientPerSave);
        return new double[] {p50, p99, cpuPerSave, cpuPerSave - clientPerSave};
    }

    /** One translator's own claimed translation, saving its segments round and round. */
    static final class Work {
        final Account translator;
        final Translation translation;
        final List<TargetSegment> segments;
        final int[] versions;
        int next;
        LeanHttp lean;

        Work(Account translator, Translation translation, List<TargetSegment> segments) {
            this.translator = translator;
            this.translation = translation;
            this.segments = segments;
            this.versions = new int[segments.size()];
        }

        /** One save over HTTP (a kept-alive connection of this translator's own, HTTP Basic). */
        void http(int port) throws Exception {
            int i = next++ % segments.size();
            String body =
                    "{\"target\":\"Перевод " + versions[i] + "\",\"status\":\"draft\",\"version\":" + versions[i] + "}";
            lean(port)
                    .put(
                            "/api/translations/" + translation.id() + "/segments/"
                                    + segments.get(i).id(),
                            "application/json",
                            body.getBytes(StandardCharsets.UTF_8));
            versions[i]++;
        }

        /** The translator's first request (HTTP Basic: the one full bcrypt check of a sign-in). */
        void signIn(int port) throws Exception {
            lean(port).get("/api/me");
        }

        /** The editor's first page: 100 segments. */
        void firstPage(int port) throws Exception {
            lean(port).get("/api/translations/" + translation.id() + "/segments?page=1&size=100");
        }

        private LeanHttp lean(int port) {
            if (lean == null) {
                String token = Base64.getEncoder()
                        .encodeToString((translator.username() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
                lean = new LeanHttp(port, "Authorization: Basic " + token + "\r\n");
            }
            return lean;
        }

        /** The statements of one save, as Translations runs them, in one transaction. */
        void bare(DataSource db) throws Exception {
            int i = next++ % segments.size();
            UUID t = translation.id().value();
            UUID s = segments.get(i).id().value();
            UUID by = translator.id().value();
            Timestamp now = Timestamp.from(Instant.now());
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement lock = c.prepareStatement("SELECT id, status, claim_holder, claim_until"
                        + " FROM translation_work WHERE id = ? FOR UPDATE")) {
                    lock.setObject(1, t);
                    try (ResultSet rs = lock.executeQuery()) {
                        rs.next();
                    }
                }
                try (PreparedStatement read = c.prepareStatement("SELECT t.version, t.status, s.source FROM"
                        + " translation_target t JOIN translation_segment s ON s.id = t.segment_id"
                        + " WHERE t.translation_id = ? AND t.segment_id = ?")) {
                    read.setObject(1, t);
                    read.setObject(2, s);
                    try (ResultSet rs = read.executeQuery()) {
                        rs.next();
                    }
                }
                try (PreparedStatement update = c.prepareStatement("UPDATE translation_target SET target = ?,"
                        + " status = 'DRAFT', version = version + 1, translated_by = ?, updated_by = ?, updated_at = ?"
                        + " WHERE translation_id = ? AND segment_id = ? AND version = ?")) {
                    update.setString(1, "Перевод " + versions[i]);
                    update.setObject(2, by);
                    update.setObject(3, by);
                    update.setTimestamp(4, now);
                    update.setObject(5, t);
                    update.setObject(6, s);
                    update.setInt(7, versions[i]);
                    update.executeUpdate();
                }
                try (PreparedStatement history = c.prepareStatement("INSERT INTO translation_target_history ("
                        + "translation_id, segment_id, target, status, version, actor, at) VALUES (?, ?, ?,"
                        + " 'DRAFT', ?, ?, ?)")) {
                    history.setObject(1, t);
                    history.setObject(2, s);
                    history.setString(3, "Перевод " + versions[i]);
                    history.setInt(4, versions[i] + 1);
                    history.setObject(5, by);
                    history.setTimestamp(6, now);
                    history.executeUpdate();
                }
                try (PreparedStatement work = c.prepareStatement(
                        "UPDATE translation_work SET claim_until = ?, updated_at = ? WHERE id = ?")) {
                    work.setTimestamp(1, Timestamp.from(Instant.now().plus(Duration.ofDays(7))));
                    work.setTimestamp(2, now);
                    work.setObject(3, t);
                    work.executeUpdate();
                }
                c.commit();
            }
            versions[i]++;
        }
    }

    /** Accounts, documents and claimed translations made the way the application makes them. */
    static final class Setup {
        private final Accounts accounts;
        private final Documents documents;
        private final FileStore store;
        private final Segments segments;
        private final Translations translations;
        private final ApplicationEventPublisher events;
        private final TransactionTemplate transactions;

        Setup(ConfigurableApplicationContext app) {
            accounts = app.getBean(Accounts.class);
            documents = app.getBean(Documents.class);
            store = app.getBean(FileStore.class);
            segments = app.getBean(Segments.class);
            translations = app.getBean(Translations.class);
            events = app;
            transactions = app.getBean(TransactionTemplate.class);
        }

        Account account(String name, Role role) {
            return accounts.create(new CreateAccount(
                    name + "-" + UUID.randomUUID().toString().substring(0, 8),
                    name,
                    PASSWORD,
                    Set.of(role),
                    Set.of(LanguageTag.of("ru")),
                    "en"));
        }

        /** A document of one stored file, segmented, with a Russian translation opened and claimed. */
        Translation translated(Account coordinator, Account translator, byte[] bytes, String name, String type)
                throws InterruptedException {
            Sha256 sha = store.store(new ByteArrayInputStream(bytes));
            Document document = documents.create(
                    new NewDocument("Bench " + name, DocumentKind.OTHER, null, "en", null, Set.of()),
                    new NewFile(sha, name, type, bytes.length, "en", 0.9, null, null, null, name));
            DocumentIngested event = new DocumentIngested(document.id(), sha, name, type, "en", true);
            transactions.executeWithoutResult(status -> events.publishEvent(event));
            while (segments.file(document.id(), sha)
                    .map(f -> f.state() == SegmentationState.PENDING)
                    .orElse(true)) {
                Thread.sleep(20);
            }
            Translation translation = translations
                    .open(
                            new OpenTranslations(document.id(), List.of(LanguageTag.of("ru")), null, null, null),
                            coordinator.id())
                    .get(0);
            translations.claim(translation.id(), translator.id());
            return translation;
        }

        Work work(Account coordinator, Account translator, int sentences) throws InterruptedException {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < sentences; i++) {
                text.append("Sentence number ")
                        .append(i)
                        .append(" of ")
                        .append(UUID.randomUUID())
                        .append(".\n\n");
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            Translation translation = translated(coordinator, translator, bytes, "bench.txt", "text/plain");
            return new Work(translator, translation, translations.allSegments(translation.id()));
        }
    }
}
