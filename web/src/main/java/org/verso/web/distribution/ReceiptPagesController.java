package org.verso.web.distribution;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.verso.distribution.ShipmentReceipts;
import org.verso.distribution.ShipmentReceipts.Count;
import org.verso.distribution.ShipmentReceipts.ReceiptForm;
import org.verso.library.DomainException;
import org.verso.library.InvalidInputException;
import org.verso.web.api.Problems;

/**
 * The recipient's receipt page, phone first, without an account: the token in the path opens its own shipment's
 * receipt and nothing else. The language is the switch's ({@code ?lang=en|ru}), else the browser's. Wrong tokens are
 * counted per address ({@link ReceiptThrottle}): too many is 429.
 */
@Controller
@PreAuthorize("permitAll()")
class ReceiptPagesController {
    private static final List<String> LANGUAGES = List.of("en", "ru");
    private final ShipmentReceipts receipts;
    private final ReceiptThrottle throttle;

    ReceiptPagesController(ShipmentReceipts receipts, ReceiptThrottle throttle) {
        this.receipts = receipts;
        this.throttle = throttle;
    }

    @GetMapping("/receipts/{token}")
    String page(
            @PathVariable String token,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String done,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        language(lang, request, model);
        return show(token, done != null, request, response, model);
    }

    @PostMapping("/receipts/{token}")
    String submit(
            @PathVariable String token,
            @RequestParam(required = false) String lang,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        language(lang, request, model);
        if (refused(request, response, model)) {
            return "receipts/receipt";
        }
        try {
            receipts.submit(token, form(form));
            return "redirect:/receipts/" + token + "?done=1"
                    + (model.getAttribute("lang") == null ? "" : "&lang=" + model.getAttribute("lang"));
        } catch (DomainException e) {
            count(e, request);
            response.setStatus(Problems.statusOf(e).value());
            model.addAttribute("error", e.code());
            model.addAttribute("values", form);
            if (e instanceof InvalidInputException) {
                return show(token, false, request, response, model);
            }
            return "receipts/receipt";
        }
    }

    private String show(
            String token, boolean done, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (refused(request, response, model)) {
            return "receipts/receipt";
        }
        try {
            model.addAttribute("receipt", receipts.open(token));
            model.addAttribute("token", token);
            model.addAttribute("done", done);
        } catch (DomainException e) {
            count(e, request);
            response.setStatus(Problems.statusOf(e).value());
            model.addAttribute("error", e.code());
        }
        return "receipts/receipt";
    }

    private boolean refused(HttpServletRequest request, HttpServletResponse response, Model model) {
        var refused = throttle.refusedFor(request.getRemoteAddr());
        if (refused.isEmpty()) {
            return false;
        }
        response.setStatus(429);
        response.setHeader(
                "Retry-After", String.valueOf(Math.max(1, refused.get().toSeconds())));
        model.addAttribute("error", "receipt-throttled");
        return true;
    }

    private void count(DomainException e, HttpServletRequest request) {
        if (e.code().startsWith("receipt-link-")) {
            throttle.failed(request.getRemoteAddr());
        }
    }

    /** The switch's language for this page, else the browser's (through the application's resolver). */
    private static void language(String lang, HttpServletRequest request, Model model) {
        if (lang != null && LANGUAGES.contains(lang)) {
            request.setAttribute(
                    DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(Locale.forLanguageTag(lang)));
            model.addAttribute("lang", lang);
        }
    }

    /** Fields {@code accepted-N}, {@code damaged-N}, {@code missing-N} (blank: the rest), {@code note-N}, {@code note}. */
    static ReceiptForm form(Map<String, String> fields) {
        List<Count> counts = new ArrayList<>();
        for (var field : fields.entrySet()) {
            if (!field.getKey().startsWith("accepted-")) {
                continue;
            }
            String line = field.getKey().substring("accepted-".length());
            counts.add(new Count(
                    number(line),
                    number(field.getValue()),
                    number(fields.getOrDefault("damaged-" + line, "0")),
                    blank(fields.get("missing-" + line)) ? null : number(fields.get("missing-" + line)),
                    fields.get("note-" + line)));
        }
        return new ReceiptForm(fields.get("note"), counts);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static int number(String text) {
        try {
            return blank(text) ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("invalid-count", "not a number of copies: " + text);
        }
    }
}
