package dev.concierge.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.ApiJson;
import dev.concierge.assistant.Assistant;
import dev.concierge.assistant.LocalAssistant;
import dev.concierge.assistant.openai.OpenAiAssistant;
import dev.concierge.assistant.openai.OpenAiSettings;
import dev.concierge.assistant.openai.OpenAiTranscriber;
import dev.concierge.backup.BackupController;
import dev.concierge.backup.BackupService;
import dev.concierge.backup.LocalControl;
import dev.concierge.booking.BookingController;
import dev.concierge.booking.BookingService;
import dev.concierge.booking.BusyTimes;
import dev.concierge.booking.DepositService;
import dev.concierge.calendar.CalendarFeedController;
import dev.concierge.calendar.CalendarFeedService;
import dev.concierge.cluster.ClusterBus;
import dev.concierge.cluster.JobClaimRepository;
import dev.concierge.cluster.PostgresBus;
import dev.concierge.common.RateLimits;
import dev.concierge.conversation.ChatController;
import dev.concierge.conversation.ChatSocket;
import dev.concierge.conversation.ConversationService;
import dev.concierge.conversation.InboxSocket;
import dev.concierge.conversation.RetentionService;
import dev.concierge.conversation.SharedLiveUpdates;
import dev.concierge.conversation.SpeechToText;
import dev.concierge.crm.ContactController;
import dev.concierge.crm.ContactExportController;
import dev.concierge.crm.ContactExportService;
import dev.concierge.crm.ContactService;
import dev.concierge.guest.GuestController;
import dev.concierge.guest.GuestService;
import dev.concierge.integration.google.GoogleBusyTimes;
import dev.concierge.integration.google.GoogleCalendarPush;
import dev.concierge.integration.google.GoogleConnectionCheck;
import dev.concierge.integration.google.GoogleSettings;
import dev.concierge.integration.google.GoogleSheetsPush;
import dev.concierge.integration.heygen.VideoSessionController;
import dev.concierge.integration.n8n.N8nWebhooks;
import dev.concierge.integration.stripe.StripePayments;
import dev.concierge.integration.stripe.StripeRefunds;
import dev.concierge.integration.stripe.StripeWebhookController;
import dev.concierge.knowledge.KnowledgeController;
import dev.concierge.knowledge.KnowledgeService;
import dev.concierge.operations.ClockCheckService;
import dev.concierge.operations.OperationsController;
import dev.concierge.order.OrderController;
import dev.concierge.order.OrderService;
import dev.concierge.outbox.Connector;
import dev.concierge.outbox.OutboxRepository;
import dev.concierge.outbox.OutboxWorker;
import dev.concierge.outbox.Subscription;
import dev.concierge.outbox.SyncController;
import dev.concierge.outbox.SyncService;
import dev.concierge.payment.CardPayments;
import dev.concierge.privacy.PrivacyController;
import dev.concierge.privacy.PrivacyService;
import dev.concierge.report.ReportController;
import dev.concierge.report.ReportService;
import dev.concierge.settings.ConnectionTest;
import dev.concierge.settings.IntegrationSettingsController;
import dev.concierge.settings.IntegrationSettingsService;
import dev.concierge.settings.SecretBox;
import dev.concierge.settings.SettingsController;
import dev.concierge.settings.SettingsService;
import dev.concierge.staff.KioskController;
import dev.concierge.staff.KioskService;
import dev.concierge.staff.PublicKeyService;
import dev.concierge.staff.SetupController;
import dev.concierge.staff.SetupPage;
import dev.concierge.staff.SetupService;
import dev.concierge.staff.StaffController;
import dev.concierge.staff.StaffService;
import dev.concierge.storage.Database;
import dev.concierge.support.SupportBundleController;
import dev.concierge.support.SupportBundleService;
import dev.concierge.venue.VenueController;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueFileException;
import dev.concierge.venue.VenueService;
import dev.concierge.venue.VenueSetupController;
import dev.concierge.web.PublicLimits;
import dev.concierge.web.WebServer;
import dev.concierge.widget.WidgetController;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.exception.DataAccessException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Concierge server: opens the database, imports the venue, and serves the API. Everything is wired here by
 * constructor, with one {@link Clock}, one {@link ObjectMapper} and one database.
 */
public final class ConciergeServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConciergeServer.class);
    private static final String DEMO_DOMAIN = "miramar.example";
    /** The public key the demo page at {@code /} embeds; replaced at each {@code --demo} start. */
    static final String DEMO_KEY_NAME = "Demo page";

    /** Conversations whose message rate is tracked at once; the least recently active are forgotten first. */
    private static final int TRACKED_CONVERSATIONS = 100_000;
    /** A connector's name in /api/health, where integrations were named before they delivered anything. */
    private static final Map<String, String> HEALTH_NAMES =
            Map.of("google-calendar", "googleCalendar", "google-sheets", "googleSheets");

    private static final String MINUTELY_JOB_FAILED = "A minutely job failed; it runs again in a minute";

    /** The topic by which an instance tells the others that the venue (or its knowledge) changed. */
    private static final String VENUE_CHANGED = "venue";

    /** Outward calls in flight at once: they mostly wait on the network, so more than the two cores. */
    private static final int OUTBOX_CONCURRENCY = 8;
    /** How often busy times are pulled from Google Calendar: a blocked slot stops being offered within this. */
    private static final Duration CALENDAR_SYNC = Duration.ofMinutes(1);

    /** How often an idle outbox looks for new events (a write is picked up within this). */
    private static final Duration OUTBOX_POLL = Duration.ofMillis(250);

    private final Database database;
    private final Javalin web;
    private final Clock clock;
    private final OutboxWorker outboxWorker;
    private final List<Runnable> dailyJobs;
    private final SetupService setup;
    private final @Nullable String setupCode;
    private final LocalControl control;
    private final LogFiles logFiles;
    /** Short work that cannot wait a day (releasing unpaid deposit holds), every minute, once per cluster. */
    private final List<Runnable> minutelyJobs;
    /** Minutely work about this instance itself (its own system clock), on every instance. */
    private final List<Runnable> minutelyInstanceJobs;

    private final ClusterBus cluster;
    private final JobClaimRepository jobClaims;
    /** Pulls busy times from outside calendars, every {@link #CALENDAR_SYNC} (nothing without a calendar). */
    private final Optional<Runnable> calendarSync;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "concierge-daily");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Real time for the scheduler's periods, even when a demo freezes the venue's clock. */
    private final Clock wallClock = Clock.systemUTC();

    private ConciergeServer(
            Database database,
            Javalin web,
            Clock clock,
            OutboxWorker outboxWorker,
            List<Runnable> dailyJobs,
            List<Runnable> minutelyJobs,
            List<Runnable> minutelyInstanceJobs,
            Optional<Runnable> calendarSync,
            ClusterBus cluster,
            JobClaimRepository jobClaims,
            SetupService setup,
            @Nullable String setupCode,
            LocalControl control,
            LogFiles logFiles) {
        this.control = control;
        this.logFiles = logFiles;
        this.setup = setup;
        this.setupCode = setupCode;
        this.database = database;
        this.web = web;
        this.clock = clock;
        this.outboxWorker = outboxWorker;
        this.dailyJobs = List.copyOf(dailyJobs);
        this.minutelyJobs = List.copyOf(minutelyJobs);
        this.minutelyInstanceJobs = List.copyOf(minutelyInstanceJobs);
        this.calendarSync = calendarSync;
        this.cluster = cluster;
        this.jobClaims = jobClaims;
    }

    /**
     * Housekeeping (conversation retention, …): a few minutes after start, then once a day, and once per cluster: the
     * first instance to claim the venue's day runs it (on the real date, even when a demo freezes the clock).
     */
    private void scheduleDailyJobs() {
        scheduler.scheduleWithFixedDelay(
                this::runDailyJobsOnce, 5, Duration.ofHours(1).toMinutes(), TimeUnit.MINUTES);
    }

    /** Runs the daily jobs if no instance has run them today; true when this one did (tests: two instances). */
    boolean runDailyJobsOnce() {
        String today = LocalDate.now(wallClock.withZone(clock.getZone())).toString();
        return runIfClaimed("daily", today, this::runDailyJobs);
    }

    /** The minutely jobs: a minute after start, then every minute; the cluster's once per minute. */
    private void scheduleMinutelyJobs() {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    runEach(minutelyInstanceJobs, MINUTELY_JOB_FAILED);
                    runMinutelyJobsOnce();
                },
                1,
                1,
                TimeUnit.MINUTES);
    }

    /** Runs the cluster's minutely jobs if no instance has run them this minute; true when this one did. */
    boolean runMinutelyJobsOnce() {
        return runIfClaimed("minutely", thisMinute(), () -> runEach(minutelyJobs, MINUTELY_JOB_FAILED));
    }

    /** Runs every minutely job now (tests); one failing does not stop the others or the next minute's run. */
    void runMinutelyJobs() {
        runEach(minutelyInstanceJobs, MINUTELY_JOB_FAILED);
        runEach(minutelyJobs, MINUTELY_JOB_FAILED);
    }

    /** Busy times from the calendar: soon after start, then every {@link #CALENDAR_SYNC}, once per cluster. */
    private void scheduleCalendarSync() {
        calendarSync.ifPresent(sync -> scheduler.scheduleWithFixedDelay(
                () -> runIfClaimed(
                        "calendar-sync",
                        thisMinute(),
                        () -> runEach(List.of(sync), "The calendar sync failed; it runs again in a minute")),
                2,
                CALENDAR_SYNC.toSeconds(),
                TimeUnit.SECONDS));
    }

    private String thisMinute() {
        return LocalDateTime.now(wallClock).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private boolean runIfClaimed(String job, String period, Runnable work) {
        try {
            if (!jobClaims.claim(job, period)) {
                return false; // another instance has it (or this one already ran it)
            }
        } catch (RuntimeException e) {
            log.warn("Could not claim the {} job for {}; it is tried again: {}", job, period, e.toString());
            return false;
        }
        work.run();
        return true;
    }

    private static void runEach(List<Runnable> jobs, String whenOneFails) {
        for (Runnable job : jobs) {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.error(whenOneFails, e);
            }
        }
    }

    /** Pulls busy times from the calendar now, as the scheduler would within a minute (tests). */
    void syncCalendarNow() {
        calendarSync.ifPresent(Runnable::run);
    }

    /** Runs every daily job now; one failing does not stop the others or the next day's run. */
    void runDailyJobs() {
        runEach(dailyJobs, "A daily job failed; it runs again tomorrow");
    }

    public static void main(String[] args) {
        int code = ServerCommand.run(args, System.getenv(), ConciergeServer::runUntilStopped);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Starts a server and blocks until the JVM is asked to stop; then stops gracefully. */
    private static int runUntilStopped(ServerSettings settings) throws InterruptedException {
        ConciergeServer server;
        try {
            server = start(settings, System.out);
        } catch (VenueFileException e) {
            System.err.println("concierge-server: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "concierge-shutdown"));
        stopped.await();
        return 0;
    }

    /** Starts a server with {@code settings}, printing first-start notices (demo accounts) to {@code console}. */
    public static ConciergeServer start(ServerSettings settings, PrintStream console) {
        long started = System.nanoTime();
        // a bad venue file stops the start before anything is opened or changed
        VenueFile venueFile = settings.venueFile() == null ? null : VenueService.readFile(settings.venueFile());
        int sharedPoolSize = Database.poolSize(settings.integration("CONCIERGE_DB_POOL_SIZE"));
        createDataDir(settings.dataDir());
        // from here on the lines also go to DATA/logs (a bad rotation setting stops the start before anything opens)
        LogFiles logFiles =
                LogFiles.start(LogFiles.directory(settings.dataDir()), LogFiles.Rotation.from(settings::integration));
        boolean freshDataDir = settings.dbUrl() == null && Database.isNew(settings.dataDir());

        // Start-up is mostly class loading and one-time work on two cores: what does not need the database runs
        // beside its opening (the measured launch-to-health time is in the README).
        ExecutorService startup = Executors.newFixedThreadPool(2, daemonThreads());
        try {
            CompletableFuture<Database> opening = CompletableFuture.supplyAsync(
                    () -> Database.open(
                            settings.dataDir(),
                            settings.dbUrl(),
                            settings.dbUser(),
                            settings.dbPassword(),
                            Version.current(),
                            sharedPoolSize),
                    startup);

            // read beside the opening when it may be needed: a new data dir, or a PostgreSQL that may have no venue yet
            // (without it the frozen clock of a demo would be in UTC, not the demo hotel's zone)
            CompletableFuture<@Nullable VenueFile> demoVenue =
                    settings.demo() && venueFile == null && (freshDataDir || settings.dbUrl() != null)
                            ? CompletableFuture.supplyAsync(VenueService::demoVenue, startup)
                            : CompletableFuture.completedFuture(null);
            CompletableFuture.runAsync(Database::preload, startup);
            CompletableFuture.runAsync(WebServer::preload, startup);

            ObjectMapper json = ApiJson.newMapper();
            PrometheusMeterRegistry metrics = newMetrics();
            Database database = opening.join();
            database.bindMetrics(metrics);
            // integration settings the console stored (sealed) fill in what the environment leaves unset
            SecretBox secrets =
                    SecretBox.forAppliance(settings.dataDir(), settings.integration("CONCIERGE_SECRET_KEY"));
            IntegrationSettingsService integrations =
                    new IntegrationSettingsService(database.dsl(), secrets, Clock.systemUTC(), settings::integration);
            ServerSettings effective = settings.withStoredIntegrations(integrations.stored());
            try {
                Optional<ZoneId> storedZone = VenueService.storedZone(database.dataSource());
                ZoneId zone = zoneOf(venueFile, demoVenue.join(), storedZone);
                Clocks.VenueClock clock = Clocks.forVenue(zone, effective.frozenNow());

                // a stored venue is read beside the rest of the start; an import below replaces it anyway
                VenueService venues = new VenueService(database.dsl(), json, clock, startup);
                if (venueFile != null) {
                    venues.importVenue(venueFile);
                } else if (effective.demo() && !venues.hasVenue()) {
                    VenueFile demo = demoVenue.join();
                    venues.importVenue(demo != null ? demo : VenueService.demoVenue());
                }

                // on a shared PostgreSQL the instances count against one allowance per address, account, conversation
                RateLimits rateLimits =
                        database.isShared() ? RateLimits.shared(database.dataSource()) : RateLimits.IN_MEMORY;
                StaffService staff = new StaffService(database.dsl(), clock, rateLimits);
                PublicKeyService keys = new PublicKeyService(database.dsl(), json, clock);
                // keys are stored hashed, so the demo page's key is made anew and known only to this process
                WidgetController widgetRoutes = new WidgetController(
                        effective.demo()
                                ? Optional.of(keys.replaceNamed(DEMO_KEY_NAME, List.of())
                                        .key())
                                : Optional.empty());

                // Outside services get events through the outbox; only the configured ones get deliveries.
                // Attempts run on real time, even when the venue's clock is frozen for a demo.
                Clock wallClock = Clock.systemUTC();
                // several instances may share a PostgreSQL: they tell each other of live chat lines and venue changes
                String instance = UUID.randomUUID().toString().substring(0, 8);
                ClusterBus cluster = database.isShared()
                        ? PostgresBus.create(database.dsl(), database::dedicatedConnection, instance, wallClock)
                        : ClusterBus.ALONE;
                venues.onChange(() -> cluster.broadcast(VENUE_CHANGED, ""));
                cluster.subscribe(VENUE_CHANGED, body -> venues.reload());
                cluster.onReconnect(venues::reload);
                List<Connector> connectors = new ArrayList<>();
                N8nWebhooks.fromSettings(
                                effective.integration("N8N_WEBHOOK_URL"),
                                effective.integration("N8N_WEBHOOK_SECRET"),
                                json,
                                wallClock,
                                Version.current())
                        .ifPresent(n8n -> {
                            if (!n8n.signed()) {
                                log.warn("N8N_WEBHOOK_SECRET is not set: webhooks go out unsigned");
                            }
                            connectors.add(n8n);
                        });
                // a Google key without a target (or a target without a key) stops the start here
                Optional<GoogleSettings> google =
                        GoogleSettings.fromSettings(effective::integration, Version.current());
                Optional<StripePayments> stripe = StripePayments.fromSettings(
                        effective.integration("STRIPE_SECRET_KEY"),
                        effective.integration("STRIPE_API_BASE"),
                        effective.integration("STRIPE_TERMINAL_READER_ID"));
                List<Subscription> subscriptions = new ArrayList<>(
                        connectors.stream().map(Connector::subscription).toList());
                // refunds go to Stripe through the outbox; the connector needs the orders, made below
                stripe.ifPresent(payments -> subscriptions.add(StripeRefunds.SUBSCRIPTION));
                // bookings go to Google Calendar, the CRM to Sheets; those connectors read bookings and contacts
                google.filter(GoogleCalendarPush::configured)
                        .ifPresent(account -> subscriptions.add(GoogleCalendarPush.SUBSCRIPTION));
                google.filter(GoogleSheetsPush::configured)
                        .ifPresent(account -> subscriptions.add(GoogleSheetsPush.SUBSCRIPTION));
                OutboxRepository outbox = new OutboxRepository(json, subscriptions, wallClock);
                if (effective.dbUrl() == null) {
                    // the embedded database is this process's alone: claims in it were left by a killed process
                    int released = outbox.releaseAbandonedClaims(database.dsl());
                    if (released > 0) {
                        log.info("Released {} outbox deliveries claimed before an unclean stop", released);
                    }
                }
                StaffController staffRoutes = new StaffController(staff, keys);
                SetupService setup = new SetupService(staff, () -> !venues.hasVenue(), rateLimits);
                KioskService kiosks = new KioskService(database.dsl(), clock, effective.demo(), rateLimits);
                SettingsService venueSettings = new SettingsService(database.dsl(), clock);
                VenueController venueRoutes = new VenueController(venues, venueSettings::brandColor);
                ContactService contacts = new ContactService(database.dsl(), venues, outbox, clock);
                google.flatMap(account -> GoogleSheetsPush.of(account, contacts, venues, json, wallClock))
                        .ifPresent(connectors::add);
                ContactController contactRoutes = new ContactController(contacts);
                ContactExportController contactExportRoutes =
                        new ContactExportController(new ContactExportService(database.dsl(), venues, clock));
                CardPayments cards =
                        stripe.<CardPayments>map(payments -> payments).orElse(CardPayments.NONE);
                OrderService orders = new OrderService(database.dsl(), venues, contacts, outbox, clock, cards);
                stripe.ifPresent(payments -> connectors.add(new StripeRefunds(payments, orders, json, wallClock)));
                // busy times pulled from Google Calendar close the services for their time
                Optional<GoogleBusyTimes> busyTimes =
                        google.flatMap(account -> GoogleBusyTimes.of(account, database.dsl(), venues, wallClock));
                BookingService bookings = new BookingService(
                        database.dsl(),
                        venues,
                        contacts,
                        outbox,
                        clock,
                        orders::settleFolio,
                        busyTimes.<BusyTimes>map(busy -> busy).orElse(BusyTimes.NONE),
                        cards);
                DepositService deposits = new DepositService(database.dsl(), bookings, cards, clock);
                google.flatMap(account -> GoogleCalendarPush.of(account, venues, bookings::ofContact, json, wallClock))
                        .ifPresent(connectors::add);
                OutboxWorker outboxWorker = new OutboxWorker(
                        database.dsl(),
                        outbox,
                        connectors,
                        OutboxWorker.backoff(outboxRetryBase(effective), Duration.ofMinutes(15)),
                        OUTBOX_CONCURRENCY,
                        OUTBOX_POLL);
                SyncService sync = new SyncService(
                        database.dsl(),
                        outbox,
                        connectors.stream().map(Connector::name).toList(),
                        outboxWorker::nudge,
                        wallClock);
                // PostgreSQL is backed up with its own tools (pg_dump); the embedded database by the appliance
                BackupService backups = settings.dbUrl() == null
                        ? new BackupService(database, settings.dataDir(), clock, Version.current())
                        : null;
                LocalControl control = LocalControl.create(settings.dataDir());
                // the system clock against the newest stored time: now, then every minute
                ClockCheckService clockCheck =
                        new ClockCheckService(database.dsl(), clock, effective.frozenNow() != null);
                clockCheck.check();
                OperationsController operations = new OperationsController(
                        database,
                        metrics,
                        Version.current(),
                        () -> integrationStates(effective, sync),
                        sync::totals,
                        new OperationsController.Storage(
                                settings.dataDir(),
                                () -> backups == null
                                        ? null
                                        : backups.lastBackupAt().orElse(null)),
                        clockCheck::current);
                OrderController orderRoutes = new OrderController(orders);
                BookingController bookingRoutes = new BookingController(bookings, deposits);
                PrivacyController privacyRoutes = new PrivacyController(
                        new PrivacyService(database.dsl(), contacts, bookings, orders, outbox, json, clock));
                SettingsController settingsRoutes = new SettingsController(venueSettings);
                KnowledgeService knowledge =
                        new KnowledgeService(venues, effective.dataDir().resolve("cache"));
                LocalAssistant local = new LocalAssistant(venues, bookings, orders, contacts, knowledge, clock);
                // with an OpenAI key the model understands the guest; the local engine still confirms and commits
                Assistant assistant = OpenAiSettings.fromEnvironment(effective::integration)
                        .<Assistant>map(
                                openAi -> new OpenAiAssistant(local, venues, bookings, knowledge, json, clock, openAi))
                        .orElse(local);
                ChatSocket liveChats = new ChatSocket();
                InboxSocket inbox = new InboxSocket();
                PublicLimits limits = PublicLimits.fromEnvironment(effective::integration);
                ConversationService conversations = new ConversationService(
                        database.dsl(),
                        assistant,
                        outbox,
                        json,
                        clock,
                        () -> firstLanguage(venues),
                        SharedLiveUpdates.across(cluster, json, event -> {
                            liveChats.publish(event);
                            inbox.publish(event);
                        }),
                        rateLimits.limit(
                                "conversation",
                                limits.messagesPerConversation(),
                                limits.window(),
                                TRACKED_CONVERSATIONS));
                ChatController chatRoutes = new ChatController(
                        conversations,
                        liveChats,
                        OpenAiSettings.fromEnvironment(effective::integration)
                                .<SpeechToText>map(OpenAiTranscriber::new)
                                .orElse(SpeechToText.NONE));
                KnowledgeController knowledgeRoutes = new KnowledgeController(venues);
                ReportController reportRoutes = new ReportController(
                        new ReportService(database.dsl(), venues, clock),
                        () -> venues.venue().venue().name());
                Map<String, Boolean> environmentOnly = new java.util.TreeMap<>();
                ServerCommand.INTEGRATION_VARIABLES.stream()
                        .filter(name -> !IntegrationSettingsService.SETTABLE.contains(name))
                        .forEach(name -> environmentOnly.put(name, effective.integration(name) != null));
                SupportBundleService supportBundles = new SupportBundleService(
                        json,
                        clock,
                        Version.current(),
                        database,
                        LogFiles.directory(settings.dataDir()),
                        MaskingJsonEncoder::remask,
                        integrations,
                        () -> java.util.stream.Stream.of(
                                        effective.integration("CONCIERGE_SECRET_KEY"), effective.dbPassword())
                                .filter(java.util.Objects::nonNull)
                                .collect(java.util.stream.Collectors.toSet()),
                        environmentOnly,
                        venueSettings,
                        venues,
                        operations::health,
                        () -> Optional.ofNullable(backups).map(BackupService::list));
                RetentionService retention =
                        new RetentionService(database.dsl(), clock, venueSettings::conversationRetentionDays);
                Javalin web = WebServer.create(
                        json,
                        metrics,
                        staff,
                        keys,
                        kiosks,
                        limits,
                        rateLimits,
                        List.of(
                                operations::register,
                                staffRoutes::register,
                                new KioskController(kiosks)::register,
                                new SetupController(setup)::register,
                                new SetupPage()::register,
                                new VenueSetupController(venues, setup, clock::moveTo)::register,
                                venueRoutes::register,
                                bookingRoutes::register,
                                // before contactRoutes: /contacts/{id} would also match /contacts/export.xlsx
                                contactExportRoutes::register,
                                contactRoutes::register,
                                orderRoutes::register,
                                privacyRoutes::register,
                                new GuestController(new GuestService(
                                        database.dsl(), contacts, bookings, orders, conversations, clock))::register,
                                settingsRoutes::register,
                                new SupportBundleController(supportBundles)::register,
                                new BackupController(
                                        backups, control, settings.dataDir().resolve("backups"))::register,
                                new IntegrationSettingsController(integrations, connectionTests(json, wallClock))
                                        ::register,
                                chatRoutes::register,
                                inbox::register,
                                knowledgeRoutes::register,
                                reportRoutes::register,
                                new SyncController(sync)::register,
                                new VideoSessionController(
                                        effective.integration("HEYGEN_API_KEY"),
                                        effective.integration("HEYGEN_API_BASE"),
                                        json)::register,
                                new CalendarFeedController(new CalendarFeedService(database.dsl(), venues, clock))
                                        ::register,
                                new StripeWebhookController(
                                        effective.integration("STRIPE_WEBHOOK_SECRET"), orders, deposits)::register,
                                widgetRoutes::register));
                web.start(effective.port());
                if (backups != null) {
                    control.publish(web.port()); // the backup command finds this server through it
                }
                // First accounts come after the port is open: hashing new demo passwords is the slowest part of a
                // first start, and nothing needs them to answer /api/health. start() still returns only after.
                createFirstAccounts(settings, staff, console);
                String setupCode = setup.newCodeIfNeeded().orElse(null);
                if (setupCode != null) {
                    console.println("No staff accounts yet. Create the owner in the console with the setup code "
                            + setupCode + " (or at http://localhost:" + web.port() + "/setup, from another computer"
                            + " with this one's address), or set CONCIERGE_OWNER_EMAIL and CONCIERGE_OWNER_PASSWORD"
                            + " and restart.");
                }
                outboxWorker.start();
                if (cluster instanceof PostgresBus shared) {
                    shared.listen(); // last: nothing of a start that failed before this is left running
                }
                ConciergeServer server = new ConciergeServer(
                        database,
                        web,
                        clock,
                        outboxWorker,
                        cluster instanceof PostgresBus shared && rateLimits instanceof RateLimits.Shared buckets
                                ? List.of(
                                        retention::purge,
                                        () -> shared.pruneStoredMessages(Duration.ofDays(1)),
                                        () -> buckets.removeExpired(10_000))
                                : List.of(retention::purge),
                        backups == null
                                ? List.of(deposits::releaseExpired)
                                : List.of(deposits::releaseExpired, backups::nightly),
                        List.of(clockCheck::check),
                        busyTimes.map(busy -> busy::sync),
                        cluster,
                        new JobClaimRepository(database.dsl(), instance, wallClock),
                        setup,
                        setupCode,
                        control,
                        logFiles);
                server.scheduleDailyJobs();
                server.scheduleMinutelyJobs();
                server.scheduleCalendarSync();
                log.info(
                        "Concierge {} listening on port {} (started in {} ms, {} ms of CPU since launch)",
                        Version.current(),
                        web.port(),
                        (System.nanoTime() - started) / 1_000_000,
                        ProcessHandle.current()
                                .info()
                                .totalCpuDuration()
                                .map(Duration::toMillis)
                                .orElse(-1L));
                console.println("Concierge is running at " + server.uri() + "/");
                return server;
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        } catch (CompletionException e) {
            logFiles.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            logFiles.close();
            throw e;
        } finally {
            startup.shutdown();
        }
    }

    /** The console's "test connection" per outside service, each with the settings of the next start. */
    private static Map<String, ConnectionTest> connectionTests(ObjectMapper json, Clock wallClock) {
        return Map.of(
                "stripe",
                StripePayments::testConnection,
                "openai",
                OpenAiAssistant::testConnection,
                "n8n",
                values -> N8nWebhooks.testConnection(values, json, wallClock, Version.current()),
                GoogleConnectionCheck.NAME,
                values -> GoogleConnectionCheck.testConnection(values, Version.current()),
                VideoSessionController.NAME,
                values -> VideoSessionController.testConnection(values, json));
    }

    private static String firstLanguage(VenueService venues) {
        List<String> languages = venues.venue().venue().languages();
        return languages.isEmpty() ? "en" : languages.get(0);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "concierge-startup-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static PrometheusMeterRegistry newMetrics() {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List.of(
                        new JvmMemoryMetrics(),
                        new JvmGcMetrics(),
                        new JvmThreadMetrics(),
                        new ProcessorMetrics(),
                        new UptimeMetrics())
                .forEach(binder -> binder.bindTo(metrics));
        return metrics;
    }

    private static void createDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The venue's zone decides what "today" is; it is known before the clock is made. */
    private static ZoneId zoneOf(@Nullable VenueFile file, @Nullable VenueFile demo, Optional<ZoneId> stored) {
        if (file != null) {
            return file.venue().timezone();
        }
        if (stored.isPresent()) {
            return stored.get();
        }
        return demo != null ? demo.venue().timezone() : ZoneOffset.UTC;
    }

    private static void createFirstAccounts(ServerSettings settings, StaffService staff, PrintStream console) {
        String ownerEmail = settings.ownerEmail();
        String ownerPassword = settings.ownerPassword();
        if (ownerEmail != null && ownerPassword != null) {
            staff.bootstrapOwner(ownerEmail, ownerPassword)
                    .ifPresent(owner -> log.info("Created the owner account from CONCIERGE_OWNER_EMAIL"));
        }
        if (settings.demo() && !staff.hasAccounts()) {
            List<StaffService.DemoAccount> accounts =
                    staff.createDemoAccounts(StaffService.prepareDemoAccounts(DEMO_DOMAIN));
            if (!accounts.isEmpty()) {
                console.println("Demo staff accounts (shown this once; the passwords are stored only as hashes):");
                for (StaffService.DemoAccount account : accounts) {
                    console.printf(
                            "  %-11s %-26s %s%n", account.role().wireName(), account.email(), account.password());
                }
            }
        }
    }

    /** The first wait before a failed delivery is tried again ({@code OUTBOX_RETRY_BASE_MS}, default 2 s). */
    private static Duration outboxRetryBase(ServerSettings settings) {
        String value = settings.integration("OUTBOX_RETRY_BASE_MS");
        if (value == null) {
            return Duration.ofSeconds(2);
        }
        try {
            long millis = Long.parseLong(value.strip());
            if (millis >= 1 && millis <= Duration.ofMinutes(15).toMillis()) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new IllegalArgumentException("OUTBOX_RETRY_BASE_MS must be a number of milliseconds up to 900000");
    }

    /** What /api/health says of each outside service; never the secret itself. */
    private static Map<String, String> integrationStates(ServerSettings settings, SyncService sync) {
        Map<String, String> states = new LinkedHashMap<>();
        states.put("assistant", settings.integration("OPENAI_API_KEY") != null ? "openai" : "local");
        states.put("openai", configured(settings, "OPENAI_API_KEY"));
        states.put("stripe", configured(settings, "STRIPE_SECRET_KEY"));
        states.put("googleCalendar", configured(settings, "GOOGLE_SERVICE_ACCOUNT_KEY", "GOOGLE_CALENDAR_ID"));
        states.put("googleSheets", configured(settings, "GOOGLE_SERVICE_ACCOUNT_KEY", "GOOGLE_SHEETS_ID"));
        states.put("n8n", configured(settings, "N8N_WEBHOOK_URL"));
        states.put("speech", configured(settings, "OPENAI_API_KEY"));
        states.put("video", configured(settings, "HEYGEN_API_KEY"));
        // a connector that delivers says how it is doing: ok, retrying or failing
        try {
            sync.states()
                    .forEach((connector, state) -> states.put(HEALTH_NAMES.getOrDefault(connector, connector), state));
        } catch (DataAccessException databaseDown) {
            // health says the database is down; the configured integrations are still named
        }
        return states;
    }

    private static String configured(ServerSettings settings, String... names) {
        for (String name : names) {
            if (settings.integration(name) == null) {
                return "not_configured";
            }
        }
        return "configured";
    }

    public int port() {
        return web.port();
    }

    public URI uri() {
        return URI.create("http://localhost:" + port());
    }

    /**
     * The setup code printed at start, while the appliance still has no staff accounts: the console that started this
     * server in-process creates the owner with it, without the person having to copy it.
     */
    public Optional<String> setupCode() {
        return setupCode != null && setup.status().needed() ? Optional.of(setupCode) : Optional.empty();
    }

    public Clock clock() {
        return clock;
    }

    /** The server's database, for tests that check what a request stored. */
    Database database() {
        return database;
    }

    /** Stops taking requests, lets the ones in flight finish, then closes the database. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            log.info("Concierge stopping");
            scheduler.shutdownNow();
            control.close();
            web.stop();
            outboxWorker.close();
            cluster.close();
            database.close();
            log.info("Concierge stopped");
            logFiles.close();
        }
    }
}
