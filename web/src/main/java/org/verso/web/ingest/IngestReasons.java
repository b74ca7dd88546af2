package org.verso.web.ingest;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.verso.ingest.FailureReason;
import org.verso.ingest.IngestItem;
import org.verso.ingest.IngestProperties;
import org.verso.ingest.ItemOutcome;
import org.verso.web.shell.Sizes;

/**
 * What the pages say about an ingest item, in the reader's language and once: the reason of a failure, its detail
 * where Verso knows how to say it ({@code too-large}: the size and the limit), and otherwise the parser's own words
 * as a technical detail apart. Pages use it as {@code ${@ingestReasons.of(item)}}.
 */
@Component("ingestReasons")
public class IngestReasons {
    private final MessageSource messages;
    private final Sizes sizes;
    private final long maxFileSize;

    IngestReasons(MessageSource messages, Sizes sizes, IngestProperties properties) {
        this.messages = messages;
        this.sizes = sizes;
        this.maxFileSize = properties.maxFileSize().toBytes();
    }

    /**
     * What is said of one item.
     *
     * @param reason why it failed, or {@code null}
     * @param detail the particulars in the reader's language, or {@code null}
     * @param technical what the parser or the system said, untranslated, or {@code null}
     */
    public record Said(String reason, String detail, String technical) {}

    public Said of(IngestItem item) {
        Locale locale = LocaleContextHolder.getLocale();
        if (item.outcome() != ItemOutcome.FAILED) {
            return new Said(null, null, null);
        }
        String code = item.reasonCode();
        String stored = item.reason() == null ? "" : item.reason().strip();
        String reason = code == null ? null : messages.getMessage("ingest.reason." + code, null, null, locale);
        if (reason == null) {
            return new Said(stored.isEmpty() ? null : stored, null, null);
        }
        String rest = stored;
        FailureReason known = known(code);
        if (known != null && stored.startsWith(known.explanation())) {
            rest = stored.substring(known.explanation().length()).strip();
        } else if (known == null) {
            rest = ""; // the reason was said in the reader's language; the stored English says the same
        }
        if (known == FailureReason.TOO_LARGE && item.size() != null) {
            String detail = messages.getMessage(
                    "ingest.detail.too-large", new Object[] {sizes.of(item.size()), sizes.of(maxFileSize)}, locale);
            return new Said(reason, detail, null);
        }
        String detail =
                switch (rest) {
                    case "(it is no longer there)" -> messages.getMessage("ingest.detail.gone", null, locale);
                    case "(the stored copy is missing)" ->
                        messages.getMessage("ingest.detail.copy-missing", null, locale);
                    default -> null;
                };
        if (detail != null) {
            return new Said(reason, detail, null);
        }
        return new Said(reason, null, rest.isEmpty() ? null : rest);
    }

    private static FailureReason known(String code) {
        try {
            return FailureReason.ofCode(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
