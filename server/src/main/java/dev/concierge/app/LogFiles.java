package dev.concierge.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The server's log lines also written to {@code DATA/logs/concierge.log}, masked by the same encoder as standard output,
 * rolled over by size and by day and gzipped, the oldest removed after {@link Rotation#maxDays} or beyond
 * {@link Rotation#totalCap}.
 *
 * <p>The data directory is known only at start, after Logback has read {@code logback.xml}, so the file appender is
 * added to the root logger then and removed when the server stops. Logging is one per process: when several servers
 * run in one JVM (tests), each one's files get the lines of all of them while it runs.
 */
final class LogFiles implements AutoCloseable {
    static final String FILE_NAME = "concierge.log";

    private final @Nullable LoggerContext context;
    private final @Nullable RollingFileAppender<ILoggingEvent> appender;

    /**
     * How the files roll over ({@code CONCIERGE_LOG_MAX_FILE_SIZE}, {@code CONCIERGE_LOG_MAX_DAYS},
     * {@code CONCIERGE_LOG_TOTAL_SIZE}).
     *
     * @param maxFileSize a file is rolled over (and gzipped) when it grows beyond this, and at midnight
     * @param maxDays the days of files kept
     * @param totalCap the most all the rolled-over files may take; the oldest go first
     */
    record Rotation(FileSize maxFileSize, int maxDays, FileSize totalCap) {
        static final Rotation DEFAULTS = new Rotation(FileSize.valueOf("10MB"), 14, FileSize.valueOf("200MB"));

        Rotation {
            if (maxDays < 1 || maxDays > 3650) {
                throw new IllegalArgumentException("CONCIERGE_LOG_MAX_DAYS must be between 1 and 3650 days");
            }
            if (totalCap.getSize() < maxFileSize.getSize()) {
                throw new IllegalArgumentException(
                        "CONCIERGE_LOG_TOTAL_SIZE must be at least CONCIERGE_LOG_MAX_FILE_SIZE");
            }
        }

        /** The rotation the settings ask for; the defaults where they say nothing, and a clear error for a bad value. */
        static Rotation from(Function<String, @Nullable String> settings) {
            return new Rotation(
                    size(settings, "CONCIERGE_LOG_MAX_FILE_SIZE", DEFAULTS.maxFileSize),
                    days(settings.apply("CONCIERGE_LOG_MAX_DAYS")),
                    size(settings, "CONCIERGE_LOG_TOTAL_SIZE", DEFAULTS.totalCap));
        }

        private static FileSize size(Function<String, @Nullable String> settings, String name, FileSize fallback) {
            String value = settings.apply(name);
            if (value == null) {
                return fallback;
            }
            try {
                FileSize size = FileSize.valueOf(value.strip());
                if (size.getSize() >= 1024) {
                    return size;
                }
            } catch (IllegalArgumentException notASize) {
                // refused below
            }
            throw new IllegalArgumentException(
                    name + " must be a size such as 10MB or 500KB (at least 1KB), not \"" + value + "\"");
        }

        private static int days(@Nullable String value) {
            if (value == null) {
                return DEFAULTS.maxDays;
            }
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "CONCIERGE_LOG_MAX_DAYS must be a number of days, not \"" + value + "\"");
            }
        }
    }

    private LogFiles(@Nullable LoggerContext context, @Nullable RollingFileAppender<ILoggingEvent> appender) {
        this.context = context;
        this.appender = appender;
    }

    /** The directory of a data directory's log files. */
    static Path directory(Path dataDir) {
        return dataDir.resolve("logs");
    }

    /**
     * Starts writing this process's log lines to {@code directory}; nothing when SLF4J logs through something else
     * than Logback (an application embedding the server with its own logging).
     */
    static LogFiles start(Path directory, Rotation rotation) {
        return processContext()
                .map(context -> start(context, directory, rotation))
                .orElseGet(() -> new LogFiles(null, null));
    }

    /** Starts writing the lines of {@code context} to {@code directory}. */
    static LogFiles start(LoggerContext context, Path directory, Rotation rotation) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("file:" + directory.toAbsolutePath());
        appender.setFile(directory.resolve(FILE_NAME).toString());

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        // %i counts the files of one day; the .gz ending makes Logback compress each rolled-over file
        policy.setFileNamePattern(
                directory.resolve("concierge.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(rotation.maxFileSize());
        policy.setMaxHistory(rotation.maxDays());
        policy.setTotalSizeCap(rotation.totalCap());
        policy.start();

        MaskingJsonEncoder encoder = new MaskingJsonEncoder();
        encoder.setContext(context);
        encoder.start();

        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException("cannot write the log files in " + directory);
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new LogFiles(context, appender);
    }

    private static Optional<LoggerContext> processContext() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                ? Optional.of(context)
                : Optional.empty();
    }

    /** The rolling policy of the files, to check what the settings made of it. */
    Optional<TimeBasedRollingPolicy<?>> policy() {
        return Optional.ofNullable(appender).map(file -> (TimeBasedRollingPolicy<?>) file.getRollingPolicy());
    }

    /** Stops writing the files (after the server's last line); the files stay. */
    @Override
    public void close() {
        if (context != null && appender != null) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop(); // also waits for a file being gzipped
        }
    }
}
