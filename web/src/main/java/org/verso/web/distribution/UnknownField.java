package org.verso.web.distribution;

import org.verso.library.InvalidInputException;

/** A request body named a field the API does not know: refused rather than ignored. */
final class UnknownField extends InvalidInputException {
    UnknownField(String name) {
        super("unknown-field", "the request body has a field this API does not know: " + name);
    }

    /** For a body record's {@code @JsonAnySetter}: any field not declared is refused. */
    static void refuse(String name, Object value) {
        throw new UnknownField(name);
    }
}
