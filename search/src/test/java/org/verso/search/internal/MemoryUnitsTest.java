package org.verso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.verso.search.AlignedTerm;
import org.verso.search.SearchableMemoryUnit;

/** Alignments worked out once per version of the memory index, the version told by the searcher that finds them. */
class MemoryUnitsTest {
    private static final String[][] TORTURE = {
        {"No one shall be subjected to torture.", "Никто не должен подвергаться пыткам."},
        {"Torture is prohibited in all circumstances.", "Пытки запрещены при любых обстоятельствах."},
        {"The state shall prevent torture in prisons.", "Государство обязано предотвращать пытки в тюрьмах."},
        {"Victims of torture have the right to redress.", "Жертвы пыток имеют право на возмещение."},
    };
    private static final String[][] OTHER = {
        {"Everyone has the right to liberty.", "Каждый имеет право на свободу."},
        {"Everyone has the right to education.", "Каждый имеет право на образование."},
        {"Everyone has the right to marry.", "Каждый имеет право вступать в брак."},
        {"Everyone has the right to a fair trial.", "Каждый имеет право на справедливое судебное разбирательство."},
    };

    private final Analyzer analyzer = Analyzers.concordance();

    @Test
    void aKnownAnswerIsReturnedAsItIsWhileTheIndexIsUnchangedAndWorkedOutAgainAfterAChange() throws Exception {
        try (IndexStore store = IndexStore.create(null, analyzer, 16, Map.of())) {
            write(store, TORTURE, "t");
            write(store, OTHER, "o");
            MemoryUnits.Aligned first = MemoryUnits.alignments(store, analyzer, "torture", 5, null);
            assertThat(first.terms()).first().isEqualTo(new AlignedTerm("пытки", "ru"));

            assertThat(MemoryUnits.alignments(store, analyzer, "torture", 5, first))
                    .isSameAs(first);

            MemoryUnits.write(
                    store,
                    new SearchableMemoryUnit(
                            "late", "en", "Torture leaves traces.", "ru", "Пытки оставляют следы.", "test"));
            store.refreshBlocking();
            MemoryUnits.Aligned after = MemoryUnits.alignments(store, analyzer, "torture", 5, first);
            assertThat(after).isNotSameAs(first);
            assertThat(after.version()).isGreaterThan(first.version());
            assertThat(after.terms()).first().isEqualTo(new AlignedTerm("пытки", "ru"));
        }
    }

    private static void write(IndexStore store, String[][] pairs, String prefix) throws Exception {
        for (int i = 0; i < pairs.length; i++) {
            MemoryUnits.write(
                    store, new SearchableMemoryUnit(prefix + i, "en", pairs[i][0], "ru", pairs[i][1], "test"));
        }
        store.refreshBlocking();
    }
}
