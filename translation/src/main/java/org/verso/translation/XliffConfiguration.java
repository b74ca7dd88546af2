package org.verso.translation;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.verso.accounts.Accounts;

/**
 * Wires offline work: XLIFF out and in, and the offline package, with the parts and unit aids other modules add.
 */
@Configuration(proxyBeanMethods = false)
class XliffConfiguration {
    @Bean
    OfflineWork offlineWork(
            Translations translations,
            Segments segments,
            Accounts accounts,
            ObjectProvider<Clock> clock,
            ObjectProvider<OfflinePackagePart> parts,
            ObjectProvider<OfflineUnitAids> aids) {
        return new OfflineWork(
                translations,
                segments,
                accounts,
                clock.getIfAvailable(Clock::systemUTC),
                parts.orderedStream().toList(),
                aids.orderedStream().toList());
    }
}
