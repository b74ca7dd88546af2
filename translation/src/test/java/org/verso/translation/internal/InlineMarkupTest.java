package org.verso.translation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextFragment.TagType;
import org.junit.jupiter.api.Test;
import org.verso.library.InvalidInputException;

class InlineMarkupTest {

    /** "Press <b>Save</b> & go<br/>now" with codes 1 (bold pair) and 2 (break). */
    private static TextFragment source() {
        TextFragment fragment = new TextFragment("Press ");
        fragment.append(TagType.OPENING, "bold", "<b>", 1);
        fragment.append("Save");
        fragment.append(TagType.CLOSING, "bold", "</b>", 1);
        fragment.append(" & go");
        fragment.append(TagType.PLACEHOLDER, "lb", "<br/>", 2);
        fragment.append("now");
        return fragment;
    }

    @Test
    void codesBecomeGAndXElementsAndTextIsEscaped() {
        assertThat(InlineMarkup.toMarkup(source())).isEqualTo("Press <g id=\"1\">Save</g> &amp; go<x id=\"2\"/>now");
        assertThat(InlineMarkup.plainText(source())).isEqualTo("Press Save & gonow");
        assertThat(InlineMarkup.plainText("a <g id=\"1\">b</g> &lt;c&gt; &amp; <x id=\"2\"/>d"))
                .isEqualTo("a b <c> & d");
    }

    @Test
    void anUnpairedHalfBecomesBxOrEx() {
        TextFragment fragment = new TextFragment("end of bold");
        fragment.append(TagType.CLOSING, "bold", "</b>", 4);
        fragment.append(" rest");
        fragment.append(TagType.OPENING, "italic", "<i>", 5);
        fragment.append("more");
        fragment.balanceMarkers();

        assertThat(InlineMarkup.toMarkup(fragment)).isEqualTo("end of bold<ex id=\"4\"/> rest<bx id=\"5\"/>more");
    }

    @Test
    void markupGoesBackToTheSourceCodesEvenReordered() {
        TextFragment target =
                InlineMarkup.fromMarkup("<x id=\"2\"/>Нажмите <g id=\"1\">Сохранить</g> &amp; &lt;", source());

        assertThat(InlineMarkup.toMarkup(target))
                .isEqualTo("<x id=\"2\"/>Нажмите <g id=\"1\">Сохранить</g> &amp; &lt;");
        assertThat(target.toText()).isEqualTo("<br/>Нажмите <b>Сохранить</b> & <");
        assertThat(target.getCodes()).extracting(Code::getData).containsExactly("<br/>", "<b>", "</b>");
    }

    @Test
    void roundTripOfMarkupIsExact() {
        String markup = InlineMarkup.toMarkup(source());

        assertThat(InlineMarkup.toMarkup(InlineMarkup.fromMarkup(markup, source())))
                .isEqualTo(markup);
    }

    @Test
    void badMarkupIsRefusedWithTheReason() {
        assertInvalid("Press <g id=\"1\">Save</g> go", "[standalone 2] are missing");
        assertInvalid("Press <g id=\"9\">Save</g><x id=\"2\"/>", "no inline code open 9");
        assertInvalid("<x id=\"2\"/><x id=\"2\"/><g id=\"1\">a</g>", "appears more often");
        assertInvalid("<g id=\"1\">Save<x id=\"2\"/>", "never closed");
        assertInvalid("</g><g id=\"1\">a</g><x id=\"2\"/>", "closes nothing");
        assertInvalid("a < b <g id=\"1\">a</g><x id=\"2\"/>", "'<'");
        assertInvalid("<x id=\"1\"/><g id=\"1\">a</g>", "no inline code standalone 1");
    }

    private static void assertInvalid(String markup, String why) {
        assertThatThrownBy(() -> InlineMarkup.fromMarkup(markup, source()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(why)
                .extracting(e -> ((InvalidInputException) e).code())
                .isEqualTo("invalid-segment-markup");
    }

    @Test
    void theCodesAloneAreThePiecesCodesInOrderWhateverTheMarkupHolds() {
        for (String markup : java.util.List.of(
                "",
                "plain text &amp; &lt;g id=\"1\"&gt;",
                "a <g id=\"1\">b <g id=\"2\">c</g></g> <x id=\"3\"/> <bx id=\"4\"/>d<ex id=\"5\"/>",
                "stray < and </g> closing nothing, 1 < 2 > 0",
                "<g id=\"\">no id</g> <g id=\"7\"/> <x id=\"8\"> <y id=\"9\"/> <g id=\"x1\">",
                "<g id=\"10\"><<x id=\"11\"/></g></g><ex id=\"12\"/><g id=\"13\">open")) {
            assertThat(InlineMarkup.codes(markup))
                    .as(markup)
                    .isEqualTo(InlineMarkup.pieces(markup).stream()
                            .filter(p -> !p.kind().equals("TEXT"))
                            .toList());
        }
        assertThat(InlineMarkup.codes("a <g id=\"1\">b</g><x id=\"2\"/>"))
                .extracting(InlineMarkup.Piece::kind)
                .containsExactly("START", "END", "STANDALONE");
    }
}
