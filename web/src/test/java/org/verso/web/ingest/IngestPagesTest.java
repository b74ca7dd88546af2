package org.verso.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.accounts.Accounts;
import org.verso.accounts.Role;
import org.verso.ingest.IngestJobs;
import org.verso.ingest.JobProgress;
import org.verso.library.Documents;
import org.verso.web.testing.WebTest;

/** The ingest and document pages, rendered by the real application for a signed-in coordinator. */
@AutoConfigureMockMvc
class IngestPagesTest extends WebTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts users;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    IngestJobs jobs;

    @Autowired
    Documents documents;

    private UserDetails person(String name, Role role) {
        if (users.findByUsername(name).isEmpty()) {
            users.create(new CreateAccount(name, null, "pages-password-1", Set.of(role), Set.of(), "en"));
        }
        return accounts.loadUserByUsername(name);
    }

    @Test
    void anUploadFromThePageLeadsToALiveJobPageAndADocumentPage() throws Exception {
        UserDetails coordinator = person("pages-coordinator", Role.COORDINATOR);
        var file = new MockMultipartFile(
                "files",
                "charter.txt",
                "text/plain",
                ("Rotterdam Charter, policing for a multi-ethnic society " + UUID.randomUUID())
                        .getBytes(StandardCharsets.UTF_8));

        var posted = mvc.perform(multipart("/ingest/uploads")
                        .file(file)
                        .with(user(coordinator))
                        .with(csrf()))
                .andReturn();

        String location = posted.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/ingest/jobs/");
        UUID jobId = UUID.fromString(location.substring("/ingest/jobs/".length()));
        JobProgress done = await(jobId);
        String jobPage = mvc.perform(get(location).with(user(coordinator)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(jobPage).contains("<progress").contains("charter.txt").contains("completed");
        assertThat(jobPage).doesNotContain("hx-trigger"); // finished: no more polling
        String fragment = mvc.perform(get(location + "/progress").with(user(coordinator)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment).contains("id=\"progress\"").doesNotContain("<html");

        String docId = done.items().get(0).documentId().toString();
        String docPage = mvc.perform(get("/documents/" + docId).with(user(coordinator)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(docPage)
                .contains("Rotterdam Charter, policing")
                .contains("charter.txt")
                .contains("id=\"metadata\"");

        var saved = mvc.perform(post("/documents/" + docId)
                        .param("title", "The Rotterdam Charter")
                        .param("kind", "CHARTER")
                        .param("sourceLanguage", "en")
                        .param("year", "1996")
                        .param("tags", "police, ethnic minorities")
                        .with(user(coordinator))
                        .with(csrf()))
                .andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/documents/" + docId);
        var doc = documents.get(org.verso.library.DocumentId.parse(docId));
        assertThat(doc.title()).isEqualTo("The Rotterdam Charter");
        assertThat(doc.year()).isEqualTo(1996);
        assertThat(doc.tags()).containsExactly("ethnic minorities", "police");

        mvc.perform(post("/documents/" + docId)
                        .param("title", "The Rotterdam Charter")
                        .param("kind", "CHARTER")
                        .param("issuingBody", "")
                        .param("sourceLanguage", "en")
                        .param("year", "")
                        .param("tags", "police")
                        .with(user(coordinator))
                        .with(csrf()))
                .andReturn();
        var cleared = documents.get(org.verso.library.DocumentId.parse(docId));
        assertThat(cleared.year()).as("a blank year in the form clears it").isNull();
        assertThat(cleared.title()).isEqualTo("The Rotterdam Charter");
        assertThat(cleared.tags()).containsExactly("police");

        String list = mvc.perform(
                        get("/documents").param("q", "rotterdam charter").with(user(coordinator)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("The Rotterdam Charter");
        String ingestPage = mvc.perform(get("/ingest").with(user(coordinator)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ingestPage).contains("dropzone").contains("/js/ingest.js");
    }

    @Test
    void aTranslatorSeesTheDocumentReadOnly() throws Exception {
        UserDetails translator = person("pages-translator", Role.TRANSLATOR);
        JobProgress job = await(jobs.upload(
                        java.util.List.of(new org.verso.ingest.Upload(
                                "note.txt",
                                new java.io.ByteArrayInputStream(
                                        ("A note " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)))),
                        null,
                        "test")
                .id());

        String page = mvc.perform(
                        get("/documents/" + job.items().get(0).documentId()).with(user(translator)))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("id=\"metadata-view\"").doesNotContain("id=\"metadata\"");
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
