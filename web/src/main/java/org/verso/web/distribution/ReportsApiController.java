package org.verso.web.distribution;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.verso.distribution.Dashboards;
import org.verso.distribution.DonorReport;
import org.verso.distribution.DonorReportFiles;
import org.verso.distribution.DonorReports;
import org.verso.distribution.FunderId;
import org.verso.distribution.Traces;
import org.verso.library.InvalidInputException;
import org.verso.translation.RevisionId;
import org.verso.web.distribution.ReportViews.DashboardView;
import org.verso.web.distribution.ReportViews.DonorReportView;
import org.verso.web.distribution.ReportViews.TraceView;

/**
 * Donor reports (JSON, CSV, XLSX, PDF; the files labelled in the reader's interface language, or in {@code
 * language=en|ru}) and erratum traceability. A period
 * without a start begins on 2000-01-01; without an end, it ends today (UTC).
 */
@RestController
@RequestMapping("/api")
@PreAuthorize(DistributionRoles.READ)
class ReportsApiController {
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final DonorReports reports;
    private final DonorReportFiles files;
    private final Traces traces;
    private final Dashboards dashboards;

    ReportsApiController(DonorReports reports, DonorReportFiles files, Traces traces, Dashboards dashboards) {
        this.reports = reports;
        this.files = files;
        this.traces = traces;
        this.dashboards = dashboards;
    }

    /** The logistics dashboard (ids as text). */
    @GetMapping("/dashboard")
    DashboardView dashboard() {
        return DashboardView.of(dashboards.now());
    }

    @GetMapping("/reports/donors")
    ResponseEntity<?> donors(
            @RequestParam(required = false) String funder,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String language) {
        return answer(reports, files, funder, from, to, format, language);
    }

    /** The report in {@code format} (default JSON), the files labelled in {@code language} or the reader's. */
    static ResponseEntity<?> answer(
            DonorReports reports,
            DonorReportFiles files,
            String funder,
            String from,
            String to,
            String format,
            String language) {
        String as = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        if (!as.matches("json|csv|xlsx|pdf")) {
            throw new InvalidInputException("invalid-report-format", "a report is json, csv, xlsx or pdf: " + format);
        }
        DonorReport report = report(reports, funder, from, to);
        Locale locale = language == null || language.isBlank()
                ? LocaleContextHolder.getLocale()
                : Locale.forLanguageTag(language.strip());
        return switch (as) {
            case "csv" -> file(files.csv(report, locale), report, "csv", new MediaType("text", "csv"));
            case "xlsx" -> file(files.xlsx(report, locale), report, "xlsx", XLSX);
            case "pdf" -> file(files.pdf(report, locale), report, "pdf", MediaType.APPLICATION_PDF);
            default -> ResponseEntity.ok(DonorReportView.of(report));
        };
    }

    /** The report of {@code funder} over the period named by the request's parameters. */
    static DonorReport report(DonorReports reports, String funder, String from, String to) {
        if (funder == null || funder.isBlank()) {
            throw new InvalidInputException("funder-required", "a donor report names its funder: ?funder=<id>");
        }
        FunderId id = FunderId.parse(funder);
        LocalDate start = date(from, "from", EARLIEST);
        LocalDate end = date(to, "to", LocalDate.now(ZoneOffset.UTC));
        return reports.report(id, start, end);
    }

    @GetMapping("/traceability")
    TraceView traceability(@RequestParam(required = false) String revision) {
        return TraceView.of(traces.of(revisionId(revision)));
    }

    static RevisionId revisionId(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("revision-required", "traceability starts from ?revision=<id>");
        }
        try {
            return new RevisionId(java.util.UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid-id", "not a revision id: " + text);
        }
    }

    static LocalDate date(String text, String name, LocalDate absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("invalid-date", name + " is a date like 2026-04-30: " + text);
        }
    }

    private static ResponseEntity<byte[]> file(byte[] body, DonorReport report, String ext, MediaType type) {
        String name = "donor-report-" + report.from() + "-" + report.to() + "." + ext;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }
}
