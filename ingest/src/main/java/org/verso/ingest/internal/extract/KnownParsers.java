package org.verso.ingest.internal.extract;

import java.util.HashMap;
import java.util.Map;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;

/**
 * Tika's auto-detecting parser with the parser of each media type worked out once. Tika's own works the map out
 * again on every parse and every embedded document, in two levels (the auto-detecting parser over the default
 * composite over about a hundred parsers, each asked for its types): about a twelfth of a worker's CPU on the corpus.
 * The map is the default composite's own choice per type, taken once with an empty context: the parsers' types do not
 * depend on what a parse puts in its context here (the encoding detector and the configuration). Thread-safe.
 */
final class KnownParsers extends AutoDetectParser {
    private static final long serialVersionUID = 1L;

    private final transient Map<MediaType, Parser> parsers;

    KnownParsers(TikaConfig config) {
        super(config);
        Map<MediaType, Parser> leaves = new HashMap<>();
        ParseContext empty = new ParseContext();
        super.getParsers(empty).forEach((type, parser) -> {
            Parser leaf = parser instanceof CompositeParser composite
                    ? composite.getParsers(empty).get(type)
                    : null; // the default composite: go straight to the parser it would choose
            leaves.put(type, leaf != null ? leaf : parser);
        });
        this.parsers = Map.copyOf(leaves);
    }

    @Override
    public Map<MediaType, Parser> getParsers(ParseContext context) {
        return parsers;
    }
}
