package org.verso.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verso.translation.MarkupPiece.Kind;

class MarkupPieceTest {
    @Test
    void markupSplitsIntoTextAndCodes() {
        assertThat(MarkupPiece.of("Press <g id=\"1\">Save &amp; go</g><x id=\"2\"/> <bx id=\"3\"/>now<ex id=\"4\"/>"))
                .containsExactly(
                        new MarkupPiece(Kind.TEXT, "Press ", 0),
                        new MarkupPiece(Kind.START, "", 1),
                        new MarkupPiece(Kind.TEXT, "Save & go", 0),
                        new MarkupPiece(Kind.END, "", 1),
                        new MarkupPiece(Kind.STANDALONE, "", 2),
                        new MarkupPiece(Kind.TEXT, " ", 0),
                        new MarkupPiece(Kind.START, "", 3),
                        new MarkupPiece(Kind.TEXT, "now", 0),
                        new MarkupPiece(Kind.END, "", 4));
    }

    @Test
    void anythingUnknownReadsAsText() {
        assertThat(MarkupPiece.of("a < b </g> &lt;script&gt;"))
                .isEqualTo(List.of(new MarkupPiece(Kind.TEXT, "a < b </g> <script>", 0)));
        assertThat(MarkupPiece.of("")).isEmpty();
    }
}
