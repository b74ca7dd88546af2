package org.verso.web.distribution;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.verso.accounts.Role;
import org.verso.distribution.Editions;
import org.verso.distribution.Funder;
import org.verso.distribution.FunderId;
import org.verso.distribution.Funders;
import org.verso.distribution.Location;
import org.verso.distribution.LocationId;
import org.verso.distribution.Locations;
import org.verso.distribution.Paging;
import org.verso.distribution.PrintRun;
import org.verso.distribution.PrintRunId;
import org.verso.distribution.PrintRuns;
import org.verso.distribution.Recipients;
import org.verso.distribution.Shipments;
import org.verso.distribution.Stock;
import org.verso.library.DomainException;
import org.verso.web.security.VersoPrincipal;
import org.verso.web.shell.NavItem;

/**
 * The logistics pages: editions, print runs with their funders and a receipt form, stock by edition × location ×
 * funder with a chart, the ledger of one item with its running balance, recipients as a tree.
 */
@Controller
@RequestMapping("/distribution")
@PreAuthorize("hasAnyRole('LOGISTICS','ADMIN')")
class DistributionPagesController {
    private static final Set<Role> LOGISTICS = Set.of(Role.LOGISTICS, Role.ADMIN);
    private final Editions editions;
    private final RevisionChoices revisionChoices;
    private final PrintRuns printRuns;
    private final Funders funders;
    private final Locations locations;
    private final Stock stock;
    private final Recipients recipients;
    private final org.springframework.context.MessageSource messages;

    DistributionPagesController(
            Editions editions,
            RevisionChoices revisionChoices,
            PrintRuns printRuns,
            Funders funders,
            Locations locations,
            Stock stock,
            Recipients recipients,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.editions = editions;
        this.revisionChoices = revisionChoices;
        this.printRuns = printRuns;
        this.funders = funders;
        this.locations = locations;
        this.stock = stock;
        this.recipients = recipients;
    }

    @Bean
    static NavItem stockNav() {
        return new NavItem("nav.stock", "/distribution/stock", 300, LOGISTICS);
    }

    @Bean
    static NavItem printRunsNav() {
        return new NavItem("nav.printRuns", "/distribution/print-runs", 310, LOGISTICS);
    }

    @Bean
    static NavItem editionsNav() {
        return new NavItem("nav.editions", "/distribution/editions", 320, LOGISTICS);
    }

    @Bean
    static NavItem recipientsNav() {
        return new NavItem("nav.recipients", "/distribution/recipients", 330, LOGISTICS);
    }

    @GetMapping("/editions")
    String editions(@RequestParam(defaultValue = "1") int page, Model model, Locale locale) {
        model.addAttribute("result", editions.list(new Paging(Math.max(1, page), 50)));
        model.addAttribute("revisions", revisionChoices.latest(locale));
        return "distribution/editions";
    }

    @GetMapping("/print-runs")
    String printRuns(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("result", printRuns.list(null, new Paging(Math.max(1, page), 50)));
        model.addAttribute("today", LocalDate.now());
        names(model);
        return "distribution/print-runs";
    }

    @GetMapping("/print-runs/{id}")
    String printRun(@PathVariable String id, Model model) {
        PrintRun run = printRuns.get(PrintRunId.parse(id));
        model.addAttribute("run", run);
        model.addAttribute("locations", locations.stores());
        model.addAttribute("receiptKey", UUID.randomUUID().toString());
        model.addAttribute("today", LocalDate.now());
        names(model);
        return "distribution/print-run";
    }

    @PostMapping("/print-runs/{id}/receipts")
    String receive(
            @PathVariable String id,
            @RequestParam String key,
            @RequestParam(required = false) String location,
            @RequestParam(defaultValue = "0") int quantity,
            @RequestParam(required = false) LocalDate receivedOn,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean complete,
            @AuthenticationPrincipal VersoPrincipal user,
            RedirectAttributes redirect) {
        PrintRunId run = PrintRunId.parse(id);
        try {
            printRuns.receive(
                    run,
                    key,
                    new PrintRun.Receipt(
                            location == null || location.isBlank() ? null : LocationId.parse(location),
                            quantity,
                            receivedOn,
                            reason,
                            complete),
                    user.id());
            redirect.addFlashAttribute("done", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errorCode", e.code());
        }
        return "redirect:/distribution/print-runs/" + run;
    }

    @GetMapping("/stock")
    String stock(
            @RequestParam(required = false) String edition,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String funder,
            Model model) {
        var filter = StockApiController.filter(edition, location, funder);
        var balances = stock.balances(filter, new Paging(1, Paging.MAX_SIZE));
        model.addAttribute("balances", balances);
        model.addAttribute("filter", filter);
        model.addAttribute(
                "editions", editions.list(new Paging(1, Paging.MAX_SIZE)).items());
        names(model);
        String inTransit = messages.getMessage(
                "dist.inTransitLocation", null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        model.addAttribute(
                "chartJson", ChartData.of(balances.items(), inTransit).json());
        return "distribution/stock";
    }

    @GetMapping("/ledger")
    String ledger(
            @RequestParam String edition,
            @RequestParam String location,
            @RequestParam String funder,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        var filter = StockApiController.filter(edition, location, funder);
        model.addAttribute("result", stock.movements(filter, new Paging(Math.max(1, page), 100)));
        model.addAttribute("edition", editions.get(filter.edition()));
        model.addAttribute("location", locations.get(filter.location()));
        model.addAttribute("funder", funders.get(filter.funder()));
        model.addAttribute("inTransit", Shipments.IN_TRANSIT);
        return "distribution/ledger";
    }

    @GetMapping("/recipients")
    String recipients(Model model) {
        model.addAttribute("tree", recipients.tree());
        return "distribution/recipients";
    }

    private void names(Model model) {
        Map<FunderId, String> funderNames = funders.all().stream().collect(Collectors.toMap(Funder::id, Funder::name));
        Map<LocationId, String> locationNames =
                locations.all().stream().collect(Collectors.toMap(Location::id, Location::name));
        model.addAttribute("funderNames", funderNames);
        model.addAttribute("locationNames", locationNames);
        model.addAttribute("funders", funders.all());
        model.addAttribute("allLocations", locations.stores());
        model.addAttribute("inTransit", Shipments.IN_TRANSIT);
        model.addAttribute(
                "editionTitles",
                editions.list(new Paging(1, Paging.MAX_SIZE)).items().stream()
                        .collect(Collectors.toMap(e -> e.id(), e -> e.title(), (a, b) -> a)));
    }

    /** The chart of the stock page: copies per location, one data set per funder. */
    record ChartData(java.util.List<String> labels, java.util.List<Series> series) {
        record Series(String label, java.util.List<Integer> data) {}

        /** In transit is no store: its copies are labelled {@code inTransit} (in the reader's language). */
        static ChartData of(java.util.List<org.verso.distribution.Balance> balances, String inTransit) {
            java.util.function.Function<org.verso.distribution.Balance, String> place =
                    b -> b.location().equals(Shipments.IN_TRANSIT) ? inTransit : b.locationName();
            var labels = balances.stream().map(place).distinct().sorted().toList();
            var byFunder = balances.stream()
                    .collect(Collectors.groupingBy(
                            org.verso.distribution.Balance::funderName, java.util.TreeMap::new, Collectors.toList()));
            var series = byFunder.entrySet().stream()
                    .map(e -> new Series(
                            e.getKey(),
                            labels.stream()
                                    .map(l -> e.getValue().stream()
                                            .filter(b -> place.apply(b).equals(l))
                                            .mapToInt(org.verso.distribution.Balance::quantity)
                                            .sum())
                                    .toList()))
                    .toList();
            return new ChartData(labels, series);
        }

        String json() {
            var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
            // inside <script type="application/json">: a name holding "</script>" must not end the element
            return mapper.writeValueAsString(this).replace("</", "<\\/");
        }
    }
}
