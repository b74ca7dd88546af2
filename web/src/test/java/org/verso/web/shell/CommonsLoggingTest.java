package org.verso.web.shell;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Spring and Spring Security log through Commons Logging, with messages built lazily: a debug message must not be
 * built while debug is off (commons-logging.properties; Spring Security builds one for every controller call).
 */
class CommonsLoggingTest {
    @Test
    void aDebugMessageIsNotBuiltWhileDebugIsOff() {
        String name = CommonsLoggingTest.class.getName() + ".quiet";
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
        Log log = LogFactory.getLog(name);
        AtomicBoolean built = new AtomicBoolean();

        log.debug(new Object() {
            @Override
            public String toString() {
                built.set(true);
                return "an expensive message";
            }
        });

        assertThat(log.isDebugEnabled()).isFalse();
        assertThat(built).isFalse();
    }

    @Test
    void anInfoMessageStillReachesLogback() {
        String name = CommonsLoggingTest.class.getName() + ".heard";
        var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
        logger.setLevel(Level.INFO);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);

        LogFactory.getLog(name).info("heard");

        assertThat(appender.list).extracting(e -> e.getFormattedMessage()).containsExactly("heard");
        assertThat(appender.list.get(0).getLoggerName()).isEqualTo(name);
    }
}
