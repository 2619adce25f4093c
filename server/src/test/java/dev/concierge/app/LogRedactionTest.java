package dev.concierge.app;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The production logging configuration masks personal data before a line is written. */
class LogRedactionTest {

    /** Logs through a fresh context configured by the real {@code logback.xml}, and answers what reached stdout. */
    private static String logWithProductionConfig(Consumer<Logger> logging) throws Exception {
        URL config = LogRedactionTest.class.getResource("/logback.xml");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(config);
            logging.accept(context.getLogger("dev.concierge.test"));
            context.stop();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void emailsPhonesAndCardNumbersAreMasked() throws Exception {
        String out = logWithProductionConfig(
                log -> log.info(
                        "Guest ana.perez@example.com called from +34 971 123 456 and 612 345 678, paid with 4242 4242 4242 4242"));

        assertFalse(out.contains("ana.perez"), out);
        assertFalse(out.contains("971 123 456"), out);
        assertFalse(out.contains("612 345 678"), out);
        assertFalse(out.contains("4242 4242"), out);
        assertTrue(out.contains("[REDACTED]"), out);
        assertTrue(out.contains("Guest"), "the rest of the message stays readable: " + out);
    }

    @Test
    void structuredFieldsAreMaskedToo() throws Exception {
        String out = logWithProductionConfig(log -> log.info(
                "login",
                kv("email", "desk@hotel.example"),
                kv("password", "hunter2-hunter2"),
                kv("phone", "612345678")));

        assertFalse(out.contains("desk@hotel.example"), out);
        assertFalse(out.contains("hunter2"), out);
        assertFalse(out.contains("612345678"), out);
    }

    @Test
    void datesTimesAmountsAndReferencesStayReadable() throws Exception {
        String out = logWithProductionConfig(log -> log.info(
                "Booking MR-7K3Q for 4 guests on 2026-03-10 at 19:30, total 12000 EUR, took 1534 ms, order 42"));

        assertTrue(
                out.contains(
                        "Booking MR-7K3Q for 4 guests on 2026-03-10 at 19:30, total 12000 EUR, took 1534 ms, order 42"),
                out);
    }
}
