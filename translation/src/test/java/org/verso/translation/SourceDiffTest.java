package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.verso.translation.SourceDiff.Op;
import org.verso.translation.SourceDiff.Piece;

class SourceDiffTest {
    @Test
    void aWordAddedAndAWordReplacedArePiecesInReadingOrder() {
        List<Piece> diff = SourceDiff.of(
                "The police must respect human dignity.", "The police must always respect personal dignity.");

        assertThat(diff)
                .containsExactly(
                        new Piece(Op.EQUAL, "The police must "),
                        new Piece(Op.INSERT, "always "),
                        new Piece(Op.EQUAL, "respect "),
                        new Piece(Op.DELETE, "human"),
                        new Piece(Op.INSERT, "personal"),
                        new Piece(Op.EQUAL, " dignity."));
    }

    @Test
    void thePiecesRebuildBothTextsWithoutTheirCodes() {
        String old = "Read <g id=\"1\">the charter</g> first.";
        String now = "Read <g id=\"1\">the new charter</g> first, then the kit.";

        List<Piece> diff = SourceDiff.of(old, now);

        assertThat(text(diff, Op.INSERT)).isEqualTo("Read the charter first.");
        assertThat(text(diff, Op.DELETE)).isEqualTo("Read the new charter first, then the kit.");
    }

    @Test
    void theSameSourceIsOneEqualPiece() {
        assertThat(SourceDiff.of("Все равны перед законом.", "Все равны перед законом."))
                .containsExactly(new Piece(Op.EQUAL, "Все равны перед законом."));
    }

    /** The text of every piece but those of {@code leftOut}. */
    private static String text(List<Piece> diff, Op leftOut) {
        return diff.stream().filter(p -> p.op() != leftOut).map(Piece::text).collect(Collectors.joining());
    }
}
