package org.verso.translation.internal;

import java.time.Duration;
import java.util.zip.ZipException;
import javax.xml.stream.XMLStreamException;
import net.sf.okapi.common.exceptions.OkapiEncryptedDataException;
import net.sf.okapi.common.exceptions.OkapiUnsupportedEncodingException;
import org.verso.library.DomainException;
import org.verso.library.InvalidInputException;

/** Turns what Okapi throws into a domain exception with a reason a coordinator can read. */
final class OkapiFailures {
    private static final int MAX_DETAIL = 300;

    private OkapiFailures() {}

    static InvalidInputException timedOut(Duration limit) {
        return new InvalidInputException(
                "segmentation-timed-out",
                "Segmenting the file took longer than the limit of " + limit.toSeconds() + " s.");
    }

    static RuntimeException explain(Throwable failure, OkapiFormat format) {
        if (failure instanceof DomainException domain) {
            return domain;
        }
        if (has(failure, OkapiEncryptedDataException.class)) {
            return new InvalidInputException(
                    "encrypted-file", "The file is encrypted or password-protected, so it cannot be segmented.");
        }
        if (failure instanceof StackOverflowError) {
            return new InvalidInputException(
                    "unreadable-file", "The file is nested too deeply to be read as " + format.displayName() + ".");
        }
        if (has(failure, OkapiUnsupportedEncodingException.class)) {
            return new InvalidInputException(
                    "unreadable-file", "The file declares a character set Java does not know: " + detail(failure));
        }
        String what = has(failure, ZipException.class)
                ? "it is not a valid ZIP package (corrupt or truncated)"
                : has(failure, XMLStreamException.class) ? "its XML is malformed" : "it is corrupt or truncated";
        return new InvalidInputException(
                "unreadable-file",
                "The file cannot be read as " + format.displayName() + ": " + what + " (" + detail(failure) + ").",
                failure);
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The deepest message in the cause chain, shortened: the most specific thing that went wrong. */
    private static String detail(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            message = failure.getClass().getSimpleName();
        }
        message = message.strip().replaceAll("\\s+", " ");
        return message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "…" : message;
    }
}
