package org.verso.library.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Tesseract with English and Russian, which OCR tests need: skipped without it, failed on CI. */
public final class Tesseract {
    private Tesseract() {}

    public static void require() {
        Environment.require(
                languages().containsAll(List.of("eng", "rus")),
                "Tesseract with English and Russian (apt-get install tesseract-ocr tesseract-ocr-eng"
                        + " tesseract-ocr-rus)");
    }

    /** The languages {@code tesseract --list-langs} names; none when it is not installed. */
    private static List<String> languages() {
        try {
            Process list = new ProcessBuilder("tesseract", "--list-langs")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!list.waitFor(30, TimeUnit.SECONDS)) {
                list.destroyForcibly();
                return List.of();
            }
            return out.lines().map(String::strip).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
