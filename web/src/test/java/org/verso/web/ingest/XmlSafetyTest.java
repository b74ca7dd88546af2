package org.verso.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.tika.utils.XMLReaderUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.verso.ingest.FailureReason;
import org.verso.ingest.IngestItem;
import org.verso.ingest.IngestJobs;
import org.verso.ingest.IngestPaths;
import org.verso.ingest.ItemOutcome;
import org.verso.ingest.JobProgress;
import org.verso.ingest.Upload;
import org.verso.library.Documents;
import org.verso.library.testing.TempDirs;
import org.verso.web.testing.WebTest;

/**
 * On the application's class path Woodstox (brought by Okapi) is the StAX provider, which does not know the
 * {@code accessExternalDTD} property Tika sets: Tika's warning about it (a stack trace per XML part) is silenced, in the
 * application and in the parser workers, and external entities are still never resolved.
 */
@ExtendWith(OutputCaptureExtension.class)
class XmlSafetyTest extends WebTest {
    private static final String WARNING = "StAX Feature unsupported";

    @Autowired
    IngestJobs jobs;

    @Autowired
    IngestPaths paths;

    @Autowired
    Documents documents;

    @Test
    void tikasStaxFactoryUnderWoodstoxWarnsNothingAndResolvesNoExternalEntity(CapturedOutput output) throws Exception {
        Path secret = secret();
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]><r>&s;</r>";

        XMLInputFactory factory = XMLReaderUtils.getXMLInputFactory();

        assertThat(factory.getClass().getName()).as("the StAX provider").startsWith("com.ctc.wstx");
        assertThat(output.getAll()).doesNotContain(WARNING);
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.CHARACTERS) {
                    text.append(reader.getText());
                }
            }
        } catch (XMLStreamException refused) {
            // refusing the entity is as good as ignoring it
        }
        assertThat(text).doesNotContain(Files.readString(secret));
    }

    @Test
    void theWorkersNeitherWarnNorResolveExternalEntities() throws Exception {
        Path secret = secret();
        String entity = "<!DOCTYPE r [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>";
        String declared = "<?xml version=\"1.0\"?>" + entity + "<r>Declared &s; entity</r>";
        // the declaration past the first 64 kB, behind a long comment: the parser itself must refuse or ignore it
        String late = "<?xml version=\"1.0\"?><!--" + " ".repeat(80_000) + "-->" + entity + "<r>Late &s; entity</r>";
        Path form = IngestApiTest.corpus("office/pdf/us-nps-rangers-classroom-xfa-form.pdf");

        JobProgress job = await(jobs.upload(
                        List.of(
                                upload("declared.xml", declared.getBytes(StandardCharsets.UTF_8)),
                                upload("late.xml", late.getBytes(StandardCharsets.UTF_8)),
                                upload("form.pdf", Files.readAllBytes(form))),
                        null,
                        "xml-safety-test")
                .id());

        String secretText = Files.readString(secret);
        for (IngestItem item : job.items()) {
            if (item.documentId() != null) {
                assertThat(documents.text(item.documentId()).orElse(""))
                        .as(item.name())
                        .doesNotContain(secretText);
            }
        }
        assertThat(item(job, "declared.xml").reasonCode()).isEqualTo(FailureReason.XML_EXTERNAL_ENTITY.code());
        assertThat(item(job, "form.pdf").outcome()).isEqualTo(ItemOutcome.INGESTED);
        Path log = paths.workDir().resolve("parser-workers.log");
        assertThat(Files.exists(log) ? Files.readString(log) : "").doesNotContain(WARNING);
    }

    private static IngestItem item(JobProgress job, String name) {
        return job.items().stream()
                .filter(i -> i.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Path secret() throws Exception {
        Path secret = TempDirs.create("verso-xxe-").resolve("secret.txt");
        Files.writeString(secret, "SECRET-" + UUID.randomUUID());
        return secret;
    }

    private static Upload upload(String name, byte[] bytes) {
        return new Upload(name, new ByteArrayInputStream(bytes));
    }

    private JobProgress await(UUID id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JobProgress p = jobs.progress(id);
            if (p.finished()) {
                return p;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job did not finish");
    }
}
