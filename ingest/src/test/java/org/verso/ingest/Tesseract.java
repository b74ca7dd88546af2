package org.verso.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Tesseract with English and Russian: tests of OCR skip without it, except on CI where that fails them. */
public final class Tesseract {
    private Tesseract() {}

    public static void assumeInstalled() {
        String missing = missing();
        if (missing != null && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(missing + " (CI=true): scripts/test installs tesseract-ocr"
                    + " tesseract-ocr-eng tesseract-ocr-rus");
        }
        assumeTrue(
                missing == null,
                () -> missing + "; skipping (apt-get install tesseract-ocr tesseract-ocr-eng" + " tesseract-ocr-rus)");
    }

    /** What is missing, or {@code null}. */
    private static String missing() {
        try {
            Process list = new ProcessBuilder("tesseract", "--list-langs")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!list.waitFor(30, TimeUnit.SECONDS)) {
                list.destroyForcibly();
                return "tesseract --list-langs did not answer";
            }
            var langs = out.lines().map(String::strip).toList();
            return langs.contains("eng") && langs.contains("rus")
                    ? null
                    : "Tesseract lacks English or Russian language data";
        } catch (IOException e) {
            return "Tesseract is not installed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
