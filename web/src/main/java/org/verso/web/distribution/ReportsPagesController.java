package org.verso.web.distribution;

import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.verso.accounts.Role;
import org.verso.distribution.Dashboard;
import org.verso.distribution.Dashboards;
import org.verso.distribution.DonorReport;
import org.verso.distribution.DonorReport.Count;
import org.verso.distribution.DonorReportFiles;
import org.verso.distribution.DonorReports;
import org.verso.distribution.Funders;
import org.verso.distribution.Traces;
import org.verso.web.shell.NavItem;

/**
 * The reports' pages: a funder's donor report with its files and charts (deliveries by region and by month, drawn by
 * Chart.js as on the stock page), and erratum traceability from a revision.
 */
@Controller
@RequestMapping("/distribution")
@PreAuthorize("hasAnyRole('LOGISTICS','ADMIN')")
class ReportsPagesController {
    private final DonorReports reports;
    private final DonorReportFiles files;
    private final Funders funders;
    private final Traces traces;
    private final Dashboards dashboards;

    ReportsPagesController(
            DonorReports reports, DonorReportFiles files, Funders funders, Traces traces, Dashboards dashboards) {
        this.reports = reports;
        this.files = files;
        this.funders = funders;
        this.traces = traces;
        this.dashboards = dashboards;
    }

    /** One entry in the navigation; the donor reports and traceability are reached from the dashboard. */
    @Bean
    static NavItem dashboardNav() {
        return new NavItem("nav.dashboard", "/distribution/dashboard", 295, Set.of(Role.LOGISTICS, Role.ADMIN));
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        Dashboard dashboard = dashboards.now();
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("overdueDays", Dashboards.OVERDUE.toDays());
        model.addAttribute("monthChart", Chart.of(dashboard.deliveriesByMonth()).json());
        model.addAttribute(
                "progressChart",
                new Chart(
                                dashboard.funders().stream()
                                        .map(Dashboard.Progress::name)
                                        .toList(),
                                dashboard.funders().stream()
                                        .map(Dashboard.Progress::percent)
                                        .toList())
                        .json());
        return "distribution/dashboard";
    }

    @GetMapping("/reports/donors")
    String donors(
            @RequestParam(required = false) String funder,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        model.addAttribute("funders", funders.all());
        model.addAttribute("funder", funder == null ? "" : funder);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        if (funder != null && !funder.isBlank()) {
            DonorReport report = ReportsApiController.report(reports, funder, from, to);
            model.addAttribute("report", report);
            model.addAttribute(
                    "regionChart", Chart.of(report.deliveredByRegion()).json());
            model.addAttribute("monthChart", Chart.of(report.deliveredByMonth()).json());
        }
        return "distribution/donor-report";
    }

    /** The report's files for the pages (the API's own answer, with the page's session). */
    @GetMapping("/reports/donors/file")
    ResponseEntity<?> donorsFile(
            @RequestParam(required = false) String funder,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String language) {
        return ReportsApiController.answer(reports, files, funder, from, to, format, language);
    }

    @GetMapping("/traceability")
    String traceability(@RequestParam(required = false) String revision, Model model) {
        model.addAttribute("revision", revision == null ? "" : revision);
        if (revision != null && !revision.isBlank()) {
            model.addAttribute("trace", traces.of(ReportsApiController.revisionId(revision)));
        }
        return "distribution/traceability";
    }

    /** One chart's labels and copies, as the page's JSON. */
    record Chart(List<String> labels, List<Integer> data) {
        static Chart of(List<Count> counts) {
            return new Chart(
                    counts.stream().map(Count::name).toList(),
                    counts.stream().map(Count::copies).toList());
        }

        String json() {
            var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
            // inside <script type="application/json">: a name holding "</script>" must not end the element
            return mapper.writeValueAsString(this).replace("</", "<\\/");
        }
    }
}
