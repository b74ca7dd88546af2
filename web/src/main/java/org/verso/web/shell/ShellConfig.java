package org.verso.web.shell;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The web shell: clock, interface language resolution, {@code ?lang=ru} switching on any page (not the search, where
 * {@code lang} chooses the documents' language), and the navigation in every rendered page.
 */
@Configuration
class ShellConfig implements WebMvcConfigurer {
    private final Navigation navigation;

    ShellConfig(Navigation navigation) {
        this.navigation = navigation;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LocaleResolver localeResolver() {
        return new UserLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        // not for the API (stateless: choosing a language there created a session for every such call) nor the
        // search, whose "lang" is the language of the documents searched, not the interface's
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/search", "/search/**");
        registry.addInterceptor(navigation);
    }
}
