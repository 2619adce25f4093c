package dev.concierge.app;

import dev.concierge.api.ApiClient;
import dev.concierge.testing.LocalPostgres;
import dev.concierge.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A real server on a free port over a real H2 database in a temp dir, started in this JVM; with the system property
 * {@code concierge.test.db=postgresql} (the suite's second run) over a fresh database of its own on a real PostgreSQL
 * ({@link LocalPostgres}) instead.
 */
public final class TestServer implements AutoCloseable {
    private final ConciergeServer server;
    private final ByteArrayOutputStream console;

    private TestServer(ConciergeServer server, ByteArrayOutputStream console) {
        this.server = server;
        this.console = console;
    }

    public static TestServer start(ServerSettings settings) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ServerSettings effective = settings.withPort(0);
        if (onPostgres() && effective.dbUrl() == null) {
            LocalPostgres.Db db = databaseFor(effective.dataDir());
            effective = effective.withDb(db.url(), db.user(), db.password());
        }
        ConciergeServer server =
                ConciergeServer.start(effective, new PrintStream(console, true, StandardCharsets.UTF_8));
        return new TestServer(server, console);
    }

    private static final java.util.Map<Path, LocalPostgres.Db> DATABASES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final String TEMPLATE = "concierge_migrated";
    private static boolean templateReady;

    /**
     * The PostgreSQL database of a test server's data dir: the same one when a test starts a server on that dir again
     * (a restart finds what it stored, as on H2), else a copy of one migrated once for the whole suite.
     */
    private static LocalPostgres.Db databaseFor(Path dataDir) {
        return DATABASES.computeIfAbsent(dataDir.toAbsolutePath(), dir -> {
            LocalPostgres postgres = LocalPostgres.shared();
            synchronized (TestServer.class) {
                if (!templateReady) {
                    LocalPostgres.Db template = postgres.newDatabase(TEMPLATE);
                    // opened once to migrate it, then closed: a template copies only without connections
                    dev.concierge.storage.Database.open(dir, template.url(), template.user(), template.password())
                            .close();
                    templateReady = true;
                }
            }
            return postgres.copyOf(TEMPLATE);
        });
    }

    /** True in the suite's run against PostgreSQL. */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty("concierge.test.db"));
    }

    /** A server with the demo venue and the demo staff accounts (see {@link #demoLogin}). */
    public static TestServer demo(Path dataDir) {
        return start(ServerSettings.defaults(dataDir).withDemo(true));
    }

    /** The e-mail and password of the demo account with {@code role}, as the server printed them once. */
    public String[] demoLogin(String role) {
        for (String line : console().split("\\R")) {
            String[] words = line.trim().split("\\s+");
            if (words.length == 3 && words[0].equals(role)) {
                return new String[] {words[1], words[2]};
            }
        }
        throw new AssertionError("no demo account for " + role + " in:\n" + console());
    }

    /** Logs in as the demo account with {@code role} and answers its bearer token. */
    public String tokenFor(String role) {
        String[] login = demoLogin(role);
        return client().login(login[0], login[1]).token();
    }

    public URI uri() {
        return server.uri();
    }

    /**
     * A kiosk paired the way the console pairs one (a manager's code, redeemed by the kiosk), answered as the kiosk's
     * client; {@code readerId} names its own card reader, or null for none.
     */
    public RawHttp pairedKiosk(String name, @Nullable String readerId) {
        String body = readerId == null
                ? "{\"name\": \"" + name + "\"}"
                : "{\"name\": \"" + name + "\", \"readerId\": \"" + readerId + "\"}";
        String code = http().bearer(tokenFor("manager"))
                .postJson("/api/staff/kiosks", body)
                .json()
                .get("code")
                .asText();
        return http().bearer(http().postJson("/api/kiosk/pair", "{\"code\": \"" + code + "\"}")
                .json()
                .get("token")
                .asText());
    }

    public RawHttp http() {
        return new RawHttp(uri());
    }

    public ApiClient client() {
        return ApiClient.of(uri());
    }

    /** What the server printed for the person starting it (demo accounts). */
    public String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** The server's own database, to check what requests stored. */
    public org.jooq.DSLContext dsl() {
        return server.database().dsl();
    }

    /** Runs the server's daily housekeeping now, as its scheduler would once a day. */
    public void runDailyJobs() {
        server.runDailyJobs();
    }

    /** The scheduler's daily run: true when this instance ran today's jobs, false when one had already. */
    public boolean runDailyJobsOnce() {
        return server.runDailyJobsOnce();
    }

    /** The scheduler's minutely run: true when this instance ran this minute's jobs. */
    public boolean runMinutelyJobsOnce() {
        return server.runMinutelyJobsOnce();
    }

    /** Runs the minutely jobs now (releasing bookings whose deposit hold ran out), as the server does each minute. */
    public void runMinutelyJobs() {
        server.runMinutelyJobs();
    }

    /** Pulls busy times from the calendar now, as the server does once a minute. */
    public void syncCalendar() {
        server.syncCalendarNow();
    }

    public ConciergeServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
