package org.verso.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.verso.library.testing.TempDirs;

/** The units read for lookups stay cached up to {@code verso.memory.cached-units}, and answers do not change past it. */
@SpringBootTest(classes = MemoryTestApplication.class, properties = "verso.memory.cached-units=20")
class TranslationMemoryCacheTest {
    static final Path DATA_DIR = TempDirs.create("verso-memory-cache-test");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("verso.data-dir", DATA_DIR::toString);
    }

    @Autowired
    TranslationMemory memory;

    @Autowired
    JdbcClient db;

    @Test
    void lookupsBeyondTheCachesSizeStayWithinItAndStillFindEachUnitsOwnTarget() {
        db.sql("DELETE FROM memory_unit").update();
        memory.rebuild();
        List<MemoryUnit> units = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            units.add(TranslationMemoryTest.unit(
                    "Report number " + i + " of the committee on the prevention of torture, volume " + (i * 7),
                    "Доклад номер " + i + " комитета по предупреждению пыток, том " + (i * 7),
                    null));
        }
        memory.add(units);

        for (int round = 0; round < 2; round++) {
            for (MemoryUnit unit : units) {
                List<Match> found = memory.matches(
                        MatchQuery.of(unit.source(), TranslationMemoryTest.EN, TranslationMemoryTest.RU, 3));
                assertThat(found).first().satisfies(m -> {
                    assertThat(m.score()).isEqualTo(100);
                    assertThat(m.unit().target()).isEqualTo(unit.target());
                });
                assertThat(memory.cachedUnitCount()).isLessThanOrEqualTo(20);
            }
        }
        assertThat(memory.cachedUnitCount()).isPositive();
    }
}
