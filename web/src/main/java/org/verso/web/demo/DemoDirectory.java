package org.verso.web.demo;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In demo mode ({@link DemoProperties#demo()}), points {@code verso.data-dir} at the demo directory before anything
 * opens it, after checking that the directory is the demo's ({@link DemoMarker}) and that the database is the
 * embedded one inside it. A refused start writes nothing anywhere. Outside demo mode it does nothing.
 */
class DemoDirectory implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE = "verso-demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DemoProperties demo = Binder.get(environment).bindOrCreate("verso", DemoProperties.class);
        if (!demo.demo()) {
            return;
        }
        Path dir = demo.demoDir().toAbsolutePath().normalize();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(SOURCE, Map.of("verso.data-dir", dir.toString())));
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:") || !url.contains(dir.toString())) {
            environment.getPropertySources().remove(SOURCE);
            throw new DemoMarker.DemoDirectoryRefused("the demo runs on its own embedded database in " + dir
                    + " only, not on " + url + "; unset SPRING_DATASOURCE_URL for the demo.");
        }
        DemoMarker.claim(dir);
    }

    /** After the configuration files and the command line are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
