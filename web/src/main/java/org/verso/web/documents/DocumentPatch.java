package org.verso.web.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.verso.library.CorrectDocument;
import org.verso.library.DocumentKind;
import org.verso.library.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a PATCH body into a {@link CorrectDocument}: absent fields stay, {@code null} or {@code ""} clears an
 * optional one, unknown fields and wrong types are refused (400) before anything changes.
 */
final class DocumentPatch {
    private static final Set<String> FIELDS = Set.of("title", "kind", "issuingBody", "sourceLanguage", "year", "tags");

    private DocumentPatch() {}

    static CorrectDocument read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("the body must be a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        body.propertyNames().forEach(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw invalid("unknown fields " + unknown + "; known are " + new TreeSet<>(FIELDS));
        }
        String title = text(body, "title", false);
        String kindText = text(body, "kind", false);
        String issuingBody = text(body, "issuingBody", true);
        String language = text(body, "sourceLanguage", true);
        Integer year = null;
        boolean clearYear = false;
        if (body.has("year")) {
            JsonNode y = body.get("year");
            if (y.isNull()) {
                clearYear = true;
            } else if (y.isIntegralNumber() && y.canConvertToInt()) {
                year = y.asInt();
            } else {
                throw invalid("year: a whole number or null");
            }
        }
        Set<String> tags = null;
        if (body.has("tags")) {
            JsonNode t = body.get("tags");
            if (!t.isArray()) {
                throw invalid("tags: a list of strings");
            }
            tags = new TreeSet<>();
            for (JsonNode tag : t) {
                if (!tag.isString()) {
                    throw invalid("tags: a list of strings");
                }
                tags.add(tag.asString());
            }
        }
        return new CorrectDocument(
                title,
                kindText == null ? null : DocumentKind.parse(kindText),
                issuingBody,
                language,
                year,
                clearYear,
                tags);
    }

    private static String text(JsonNode body, String field, boolean nullClears) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            if (nullClears) {
                return "";
            }
            throw invalid(field + ": may not be null");
        }
        if (!value.isString()) {
            throw invalid(field + ": must be a string");
        }
        return value.asString();
    }

    private static InvalidInputException invalid(String why) {
        return new InvalidInputException("invalid-document", why);
    }
}
