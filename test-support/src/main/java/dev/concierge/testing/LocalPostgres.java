package dev.concierge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL server for tests and benchmarks, from the Debian {@code postgresql} package: a cluster made with
 * {@code initdb} in a temp dir and started with {@code pg_ctl} on a free loopback port, stopped when the JVM ends. No
 * Docker, no imitation.
 *
 * <p>PostgreSQL refuses to run as root; as root (CI) its programs run as the package's {@code postgres} user through
 * {@code runuser}, and the cluster's directory is handed to that user.
 */
public final class LocalPostgres implements AutoCloseable {
    /** The role every database belongs to; local connections are trusted, the password is only sent along. */
    public static final String USER = "concierge";

    public static final String PASSWORD = "concierge";

    private static @Nullable LocalPostgres shared;

    private final Path bin;
    private final Path home;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();

    /** Where a database is: its JDBC URL, user and password. */
    public record Db(String url, String user, String password) {}

    private LocalPostgres(Path bin, Path home, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.home = home;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * The one server of this JVM for the test suite, started on first use. Durability is off (no fsync): the tests
     * check what the server does, and a killed Java process loses nothing PostgreSQL has committed anyway.
     */
    public static synchronized LocalPostgres shared() {
        LocalPostgres server = shared;
        if (server == null) {
            server = start(false);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-postgres"));
            shared = server;
        }
        return server;
    }

    /**
     * Starts a new cluster; {@code durable} keeps PostgreSQL's defaults (fsync on every commit), as a benchmark needs to
     * measure what a venue gets.
     */
    public static LocalPostgres start(boolean durable) {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path home = Files.createTempDirectory("postgres-").toAbsolutePath();
            int port = Ports.closed();
            LocalPostgres server = new LocalPostgres(bin, home, port, root);
            if (root) {
                server.run(List.of("chown", "-R", "postgres", home.toString()), false);
            }
            Path data = home.resolve("data");
            server.run(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            data.toString(),
                            "-U",
                            USER,
                            "--auth=trust",
                            "-E",
                            "UTF8",
                            "--locale=C.UTF-8",
                            "--no-sync"),
                    root);
            List<String> options = new ArrayList<>(List.of(
                    "-p " + port,
                    "-k " + home,
                    "-c listen_addresses=127.0.0.1",
                    "-c max_connections=400",
                    "-c shared_buffers=128MB"));
            if (!durable) {
                options.addAll(List.of("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"));
            }
            server.run(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            data.toString(),
                            "-o",
                            String.join(" ", options),
                            "-l",
                            home.resolve("postgres.log").toString(),
                            "-w",
                            "start"),
                    root);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty database of its own. */
    public Db newDatabase() {
        return create("concierge_" + databases.incrementAndGet(), null);
    }

    /**
     * A new database copied from {@code template} (PostgreSQL's {@code CREATE DATABASE … TEMPLATE}, a file copy): a
     * suite makes one database with the schema migrated, then copies it for each test server instead of migrating
     * every one again. The template must have no open connections.
     */
    public Db copyOf(String template) {
        return create("concierge_" + databases.incrementAndGet(), template);
    }

    /** A new, empty database named {@code name}, to be made a template of with {@link #copyOf}. */
    public Db newDatabase(String name) {
        return create(name, null);
    }

    private Db create(String name, @Nullable String template) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name + (template == null ? "" : " template " + template));
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return new Db(url(name), USER, PASSWORD);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /**
     * The CPU time the server has used so far: the postmaster and every backend it runs now (a pool's connections
     * live as long as the pool, so the difference over a measurement is what that load cost PostgreSQL).
     */
    public java.time.Duration cpu() {
        try {
            long pid = Long.parseLong(Files.readAllLines(home.resolve("data/postmaster.pid"))
                    .get(0)
                    .trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            return Stream.concat(Stream.of(postmaster), postmaster.descendants())
                    .map(process -> process.info().totalCpuDuration().orElse(java.time.Duration.ZERO))
                    .reduce(java.time.Duration.ZERO, java.time.Duration::plus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server at once and deletes the cluster. */
    @Override
    public void close() {
        try {
            run(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            home.resolve("data").toString(),
                            "-m",
                            "immediate",
                            "-w",
                            "stop"),
                    asPostgresUser);
        } catch (RuntimeException e) {
            // already stopped: nothing more to do before the files go
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

    /** The newest PostgreSQL of the Debian package ({@code /usr/lib/postgresql/N/bin}), or {@code PG_BIN}. */
    static Path binaries() {
        String configured = System.getenv("PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            Path newest = versions.filter(version -> Files.isExecutable(version.resolve("bin/pg_ctl")))
                    .max(Comparator.comparingInt(version ->
                            Integer.parseInt(version.getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow();
            return newest.resolve("bin");
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException(
                    "PostgreSQL is not installed: apt-get install postgresql (or set PG_BIN to its bin directory)", e);
        }
    }

    private void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .directory(home.toFile())
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
