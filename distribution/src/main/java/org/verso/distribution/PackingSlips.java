package org.verso.distribution;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The packing slip of a shipment as a PDF (openhtmltopdf): the sender of record, the recipient, the carrier, the lines
 * and the receipt link with its QR code, in the recipient's language (Russian for Russian, else English). The text is
 * set in DejaVu Sans, embedded in the PDF (a font with Cyrillic glyphs, shipped in this module's resources under its
 * own free licence, fonts/LICENSE-DejaVu.txt), so Cyrillic prints and can be extracted as text.
 *
 * <p>Thread-safe. Throws {@link DistributionNotFound} for an unknown shipment.
 */
@Service
public class PackingSlips {
    private static final String FONT = Pdfs.FONT;
    private final Shipments shipments;
    private final Recipients recipients;
    private final Editions editions;
    private final Clock clock;

    PackingSlips(Shipments shipments, Recipients recipients, Editions editions, Clock clock) {
        this.shipments = shipments;
        this.recipients = recipients;
        this.editions = editions;
        this.clock = clock;
    }

    /**
     * The slip of {@code id}, naming {@code receiptUrl} (the recipient's receipt link) in text and as a QR code; {@code
     * null}: the shipment has no live link, and the slip says that the recipient will be sent one.
     */
    @Transactional(readOnly = true)
    public byte[] render(ShipmentId id, String receiptUrl) {
        Shipment shipment = shipments.get(id);
        Recipient recipient = recipients.get(shipment.recipient());
        Locale locale = recipient.language().value().startsWith("ru") ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
        ResourceBundle text = ResourceBundle.getBundle(
                "org.verso.distribution.packing-slip",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return pdf(html(shipment, recipient, text, locale, receiptUrl));
    }

    private String html(Shipment shipment, Recipient recipient, ResourceBundle text, Locale locale, String url) {
        StringBuilder html = new StringBuilder();
        html.append("<html lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"/><style>")
                .append("@page { size: A4; margin: 18mm; }")
                .append("body { font-family: '" + FONT + "'; font-size: 10.5pt; }")
                .append("h1 { font-size: 18pt; margin: 0 0 4mm 0; }")
                .append("table { width: 100%; border-collapse: collapse; margin-top: 4mm; }")
                .append("th, td { border: 0.5pt solid #444; padding: 1.5mm; text-align: left; }")
                .append("td.n { text-align: right; } .small { font-size: 8.5pt; color: #333; }")
                .append(".parties td { border: none; vertical-align: top; width: 50%; }")
                .append("</style></head><body>");
        html.append("<h1>").append(e(text.getString("title"))).append("</h1>");
        html.append("<p class=\"small\">")
                .append(e(text.getString("shipment")))
                .append(" ")
                .append(e(shipment.id().toString()))
                .append(" · ")
                .append(e(text.getString("date")))
                .append(" ")
                .append(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
                .append("</p>");
        html.append("<table class=\"parties\"><tr><td><b>")
                .append(e(text.getString("sender")))
                .append("</b><br/>")
                .append(e(shipment.senderOfRecord()))
                .append("</td><td><b>")
                .append(e(text.getString("recipient")))
                .append("</b><br/>")
                .append(e(recipient.name()));
        for (String part : new String[] {recipient.address(), recipient.city(), recipient.region()}) {
            if (part != null) {
                html.append("<br/>").append(e(part));
            }
        }
        html.append("</td></tr></table>");
        if (shipment.carrier() != null || shipment.trackingNumber() != null) {
            html.append("<p>")
                    .append(e(text.getString("carrier")))
                    .append(": ")
                    .append(e(shipment.carrier() == null ? "—" : shipment.carrier()))
                    .append(" · ")
                    .append(e(text.getString("tracking")))
                    .append(": ")
                    .append(e(shipment.trackingNumber() == null ? "—" : shipment.trackingNumber()))
                    .append("</p>");
        }
        html.append("<table><tr><th>#</th><th>")
                .append(e(text.getString("item")))
                .append("</th><th>")
                .append(e(text.getString("isbn")))
                .append("</th><th>")
                .append(e(text.getString("copies")))
                .append("</th></tr>");
        for (Shipment.Line line : shipment.lines()) {
            Edition edition = editions.get(line.edition());
            html.append("<tr><td class=\"n\">")
                    .append(line.line())
                    .append("</td><td>")
                    .append(e(edition.title()))
                    .append("</td><td>")
                    .append(e(edition.isbn() == null ? "" : edition.isbn()))
                    .append("</td><td class=\"n\">")
                    .append(line.copies())
                    .append("</td></tr>");
        }
        html.append("<tr><td></td><td colspan=\"2\"><b>")
                .append(e(text.getString("total")))
                .append("</b></td><td class=\"n\"><b>")
                .append(shipment.copies())
                .append("</b></td></tr></table>");
        if (url == null) {
            html.append("<p style=\"margin-top: 8mm;\">")
                    .append(e(text.getString("noLink")))
                    .append("</p></body></html>");
            return html.toString();
        }
        html.append("<p style=\"margin-top: 8mm;\">")
                .append(e(text.getString("receipt")))
                .append("</p>");
        html.append("<p><img style=\"width: 40mm; height: 40mm;\" src=\"")
                .append(QrCode.dataUri(url))
                .append("\"/></p><p><b>")
                .append(e(url))
                .append("</b></p></body></html>");
        return html.toString();
    }

    private static byte[] pdf(String html) {
        return Pdfs.render(html);
    }

    private static String e(String text) {
        return Pdfs.escape(text);
    }
}
