package org.verso.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.distribution.PrintRun.Share;
import org.verso.distribution.Recipient.NewRecipient;
import org.verso.distribution.Shipment.NewLine;
import org.verso.distribution.Shipment.NewShipment;
import org.verso.library.LanguageTag;
import org.verso.library.testing.TempDirs;

/** The packing slip read back with PDFBox: Cyrillic text as text, an embedded font, and a QR code that decodes. */
@SpringBootTest(classes = DistributionTestApplication.class)
class PackingSlipOnH2Test {
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", () -> TempDirs.create("verso-distribution-slip-h2-")
                .toString());
    }

    @Autowired
    PackingSlips slips;

    @Autowired
    Shipments shipments;

    @Autowired
    Recipients recipients;

    @Autowired
    StockFixtures given;

    Shipment shipmentTo(String language, String name, String sender) {
        var edition = given.edition("Хартия о правах человека");
        var office = given.location("Office");
        var coe = given.funder("Council of Europe");
        given.received(edition, office, Share.of(coe.id(), 20));
        var recipient = recipients.create(new NewRecipient(
                StockFixtures.unique(name),
                RecipientKind.BRANCH,
                null,
                "Татарстан",
                "Казань",
                "ул. Кремлёвская, 18",
                null,
                LanguageTag.of(language)));
        return shipments.create(
                new NewShipment(
                        office.id(),
                        recipient.id(),
                        sender,
                        "Почта России",
                        "RA123456789RU",
                        List.of(new NewLine(edition.id(), 12, null))),
                StockFixtures.CLERK);
    }

    @Test
    void aRussianRecipientsSlipIsInRussianWithEmbeddedCyrillicAndAQrCodeOfTheReceiptLink() throws Exception {
        Shipment shipment = shipmentTo("ru", "Казанский филиал", "Казанский федеральный университет");
        String url = "https://verso.example.org/receipts/Abc_def-123456789012345x";

        byte[] pdf = slips.render(shipment.id(), url);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            "Упаковочный лист",
                            "Отправитель",
                            "Казанский федеральный университет",
                            "Казанский филиал",
                            "ул. Кремлёвская, 18",
                            "Хартия о правах человека",
                            "Всего экземпляров",
                            "Почта России",
                            url);
            List<PDFont> fonts = new java.util.ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.getName()).contains("DejaVuSans");
                assertThat(f.isEmbedded()).isTrue();
            });
            assertThat(qrCodeOn(document)).isEqualTo(url);
        }
    }

    @Test
    void anEnglishRecipientsSlipIsInEnglish() throws Exception {
        Shipment shipment = shipmentTo("en", "Oxford branch", "University of Oxford");

        byte[] pdf = slips.render(shipment.id(), "https://verso.example.org/receipts/x");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Packing slip", "Sender", "University of Oxford", "Total copies", "12")
                    .doesNotContain("Упаковочный лист");
        }
    }

    @Test
    void aSlipOfAShipmentWithoutALiveLinkSaysTheLinkWillBeSentAndHasNoCode() throws Exception {
        Shipment shipment = shipmentTo("en", "Leeds branch", "University of Leeds");

        byte[] pdf = slips.render(shipment.id(), null);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("The receipt link will be sent to you separately.")
                    .doesNotContain("/receipts/");
        }
    }

    private static String qrCodeOn(PDDocument document) throws Exception {
        BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        var bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
