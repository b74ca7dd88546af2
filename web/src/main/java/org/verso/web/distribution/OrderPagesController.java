package org.verso.web.distribution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.verso.distribution.Editions;
import org.verso.distribution.PrintRun;
import org.verso.distribution.PrintRuns;
import org.verso.library.DomainException;
import org.verso.web.shell.PageErrors;

/**
 * The forms that build an edition (on the editions page) and order a print run with its funders' shares (on the print
 * runs page), read as the API reads its bodies: a refusal is said on the page and changes nothing.
 */
@Controller
@RequestMapping("/distribution")
@PreAuthorize("hasAnyRole('LOGISTICS','ADMIN')")
class OrderPagesController {
    /** Funder rows of the print run form; blank rows are left out. */
    static final int SHARE_ROWS = 3;

    private final Editions editions;
    private final PrintRuns printRuns;
    private final PageErrors errors;

    OrderPagesController(Editions editions, PrintRuns printRuns, PageErrors errors) {
        this.editions = editions;
        this.printRuns = printRuns;
        this.errors = errors;
    }

    /** An edition of one approved revision (its id, as the translation's page shows it) and one other item. */
    @PostMapping("/editions")
    String build(
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String isbn,
            @RequestParam(required = false) String revision,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String description,
            RedirectAttributes redirect) {
        try {
            List<Bodies.ItemBody> items = new ArrayList<>();
            if (revision != null && !revision.isBlank()) {
                items.add(new Bodies.ItemBody(revision, null, null));
            }
            if (code != null && !code.isBlank()) {
                items.add(new Bodies.ItemBody(null, code, blankIsNull(description)));
            }
            var made = editions.create(
                    new Bodies.EditionBody(title, blankIsNull(language), blankIsNull(isbn), items).command());
            redirect.addFlashAttribute("built", made.title());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", errors.say(e));
            redirect.addFlashAttribute("errorCode", e.code());
        }
        return "redirect:/distribution/editions";
    }

    @PostMapping("/print-runs")
    String order(
            @RequestParam(required = false) String edition,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String printer,
            @RequestParam(required = false) LocalDate orderedOn,
            @RequestParam java.util.Map<String, String> form,
            RedirectAttributes redirect) {
        try {
            List<Bodies.ShareBody> shares = new ArrayList<>();
            for (int i = 1; i <= SHARE_ROWS; i++) {
                String funder = form.get("funder-" + i);
                if (funder != null && !funder.isBlank()) {
                    shares.add(new Bodies.ShareBody(funder, PageForms.count(form.get("copies-" + i), "copies")));
                }
            }
            PrintRun run = printRuns.create(new Bodies.PrintRunBody(
                            blankIsNull(edition),
                            PageForms.count(quantity, "quantity"),
                            printer,
                            orderedOn,
                            null,
                            null,
                            null,
                            shares)
                    .command());
            return "redirect:/distribution/print-runs/" + run.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", errors.say(e));
            redirect.addFlashAttribute("errorCode", e.code());
            return "redirect:/distribution/print-runs";
        }
    }

    private static String blankIsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
