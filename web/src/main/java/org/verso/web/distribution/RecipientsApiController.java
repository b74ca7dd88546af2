package org.verso.web.distribution;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.verso.distribution.Paging;
import org.verso.distribution.RecipientId;
import org.verso.distribution.Recipients;
import org.verso.distribution.RecipientsCsv;
import org.verso.web.distribution.Bodies.RecipientBody;
import org.verso.web.distribution.Views.PageView;
import org.verso.web.distribution.Views.RecipientNodeView;
import org.verso.web.distribution.Views.RecipientView;

/**
 * Recipients over the API, their tree, and CSV in and out. An import posts the file's bytes as the body ({@code
 * text/csv}); {@code preview=true} answers the rows and their errors without importing.
 */
@RestController
@RequestMapping("/api/recipients")
@PreAuthorize(DistributionRoles.READ)
class RecipientsApiController {
    private final Recipients recipients;
    private final RecipientsCsv csv;

    RecipientsApiController(Recipients recipients, RecipientsCsv csv) {
        this.recipients = recipients;
        this.csv = csv;
    }

    @GetMapping
    PageView<RecipientView> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageView.of(recipients.list(Paging.of(page, size)), RecipientView::of);
    }

    @GetMapping("/tree")
    List<RecipientNodeView> tree() {
        return recipients.tree().stream().map(RecipientNodeView::of).toList();
    }

    @GetMapping("/{id}")
    RecipientView get(@PathVariable String id) {
        return RecipientView.of(recipients.get(RecipientId.parse(id)));
    }

    @PostMapping
    @PreAuthorize(DistributionRoles.WRITE)
    ResponseEntity<RecipientView> create(@RequestBody RecipientBody body) {
        var recipient = recipients.create(body.command());
        return ResponseEntity.created(URI.create("/api/recipients/" + recipient.id()))
                .body(RecipientView.of(recipient));
    }

    @PostMapping("/import")
    @PreAuthorize(DistributionRoles.WRITE)
    RecipientsCsv.Outcome importCsv(
            @RequestBody(required = false) byte[] file, @RequestParam(defaultValue = "false") boolean preview) {
        return csv.importCsv(file == null ? new byte[0] : file, preview);
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export() {
        var out = new StringWriter();
        csv.export(out);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"recipients.csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
