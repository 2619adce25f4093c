package dev.concierge.console;

import atlantafx.base.theme.PrimerLight;
import dev.concierge.api.ApiClient;
import dev.concierge.api.SetupStatus;
import dev.concierge.console.bookings.BookingsApi;
import dev.concierge.console.bookings.BookingsView;
import dev.concierge.console.bookings.BookingsViewModel;
import dev.concierge.console.files.FileExport;
import dev.concierge.console.files.SaveLocation;
import dev.concierge.console.firstrun.FirstRunApi;
import dev.concierge.console.firstrun.FirstRunView;
import dev.concierge.console.firstrun.FirstRunViewModel;
import dev.concierge.console.guests.GuestsApi;
import dev.concierge.console.guests.GuestsView;
import dev.concierge.console.guests.GuestsViewModel;
import dev.concierge.console.inbox.Chime;
import dev.concierge.console.inbox.InboxApi;
import dev.concierge.console.inbox.InboxSocket;
import dev.concierge.console.inbox.InboxView;
import dev.concierge.console.inbox.InboxViewModel;
import dev.concierge.console.knowledge.KnowledgeApi;
import dev.concierge.console.knowledge.KnowledgeView;
import dev.concierge.console.knowledge.KnowledgeViewModel;
import dev.concierge.console.orders.OrdersApi;
import dev.concierge.console.orders.OrdersView;
import dev.concierge.console.orders.OrdersViewModel;
import dev.concierge.console.reports.ReportsApi;
import dev.concierge.console.reports.ReportsView;
import dev.concierge.console.reports.ReportsViewModel;
import dev.concierge.console.settings.SettingsApi;
import dev.concierge.console.settings.SettingsView;
import dev.concierge.console.settings.SettingsViewModel;
import dev.concierge.console.shell.Page;
import dev.concierge.console.shell.Screen;
import dev.concierge.console.shell.ShellView;
import dev.concierge.console.shell.ShellViewModel;
import dev.concierge.console.shell.StatusViewModel;
import dev.concierge.console.signin.Login;
import dev.concierge.console.signin.RememberedEmail;
import dev.concierge.console.signin.SignInView;
import dev.concierge.console.signin.SignInViewModel;
import dev.concierge.console.sync.BackupsApi;
import dev.concierge.console.sync.BackupsViewModel;
import dev.concierge.console.sync.SyncApi;
import dev.concierge.console.sync.SyncView;
import dev.concierge.console.sync.SyncViewModel;
import dev.concierge.console.today.TodayApi;
import dev.concierge.console.today.TodayView;
import dev.concierge.console.today.TodayViewModel;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The staff console: starts the server in this process (or finds the one {@code --server} names), signs a member of
 * staff in, then shows the shell with its screens. Closing the window stops the in-process server.
 */
public final class ConsoleApp extends Application {
    private static final Set<String> MANAGERS = Set.of("manager", "owner");

    // Calls to the server run here, never on the FX thread. Daemon threads never keep the JVM alive.
    private final ExecutorService serverCalls = Executors.newFixedThreadPool(3, new DaemonThreads());
    private final ConsoleView root = new ConsoleView(Texts.english(), this::switchLanguage);
    // the console's words: chosen at start (--lang, the last choice, the system's), changed by the header's switch
    private Texts texts = Texts.english();
    private @Nullable Stage stage;
    private @Nullable ShellViewModel shell;
    private @Nullable InProcessServer inProcess;
    private boolean stopped;
    private @Nullable Session current;
    private @Nullable SignInViewModel signIn;
    private @Nullable SignInView signInView;
    private @Nullable FirstRunViewModel firstRun;
    private @Nullable FirstRunView firstRunView;
    private @Nullable InboxViewModel inbox;
    private final ConsoleSettings settings = new ConsoleSettings(ConsoleSettings.settingsDir(
            System.getProperty("concierge.console.settings"), System.getProperty("user.home")));

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        ConsoleOptions options = ConsoleOptions.parse(getParameters().getRaw());
        texts = new Texts(
                UiLanguage.choose(options.language(), settings.get(UiLanguage.SETTING), java.util.Locale.getDefault()));
        root.speak(texts);
        Map<String, String> environment = System.getenv();
        RememberedEmail remembered = new RememberedEmail(settings);

        SignInViewModel model = new SignInViewModel(
                texts,
                words -> options.server()
                        .map(server -> words.get("signin.connecting", server))
                        .orElse(words.get("signin.starting")),
                () -> connect(options, environment),
                Login.overHttp(),
                remembered,
                serverCalls,
                Platform::runLater,
                this::showShell,
                this::showFirstRun);
        SignInView view = new SignInView(model);
        signIn = model;
        signInView = view;
        root.show(view);

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setTitle(texts.get("app.title"));
        stage.setScene(new Scene(root, Math.min(1100, screen.getWidth()), Math.min(760, screen.getHeight())));
        WindowPlacement.restore(stage, settings);
        stage.setOnHiding(event -> WindowPlacement.remember(stage, settings));
        stage.setOnCloseRequest(event -> {
            // a form with unsaved edits asks first; Discard closes the window after all
            ShellViewModel open = shell;
            if (open != null && open.hasUnsavedChanges()) {
                event.consume();
                open.leaving(stage::close);
            }
        });
        stage.show();
        model.connect();
    }

    /** Starts the in-process server, or answers the one named by {@code --server}; off the FX thread. */
    private Connection connect(ConsoleOptions options, Map<String, String> environment) {
        if (options.server().isPresent()) {
            URI server = options.server().get();
            try {
                ApiClient.of(server).health();
            } catch (RuntimeException e) {
                throw new IllegalStateException(ServerCalls.plainWords(e, texts), e);
            }
            return askForSetup(new Connection(server, List.of()));
        }
        InProcessServer started;
        try {
            started = InProcessServer.start(options.data(), options.port(), options.demo(), environment);
        } catch (RuntimeException e) {
            throw new IllegalStateException(texts.get("app.notStarted", String.valueOf(e.getMessage())), e);
        }
        synchronized (this) {
            if (stopped) {
                // the window closed while the server was starting
                started.close();
                throw new IllegalStateException(texts.get("app.closing"));
            }
            inProcess = started;
        }
        // a SIGTERM (or a logout of the desk PC) ends the JVM without stop(): close the database all the same
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "concierge-console-shutdown"));
        return askForSetup(started.connection());
    }

    /** {@code GET /api/setup}: whether the server still needs its owner (a first run), and its venue. */
    private Connection askForSetup(Connection connection) {
        try {
            return connection.withSetup(ApiClient.of(connection.server()).get("/api/setup", SetupStatus.class));
        } catch (RuntimeException e) {
            throw new IllegalStateException(ServerCalls.plainWords(e, texts), e);
        }
    }

    /** The first run: the owner's account instead of sign-in; once it exists, the shell, signed in as the owner. */
    private void showFirstRun(Connection connection) {
        FirstRunViewModel model = new FirstRunViewModel(
                texts,
                connection,
                FirstRunApi.overHttp(),
                serverCalls,
                Platform::runLater,
                this::showShell,
                this::showSignIn);
        FirstRunView view = new FirstRunView(model);
        firstRun = model;
        firstRunView = view;
        root.show(view);
        view.focusFirstField();
    }

    private void showShell(Session session) {
        current = session;
        ServerCalls calls = new ServerCalls(
                serverCalls,
                Platform::runLater,
                () -> {
                    if (current == session) {
                        showSignIn(texts.get("app.sessionEnded"));
                    }
                },
                texts);
        ShellViewModel before = this.shell;
        ShellViewModel shell = new ShellViewModel(texts, session, session.client()::logout, calls, this::showSignIn);
        if (before != null) {
            shell.show(before.getCurrent()); // a switch of language rebuilds the shell on the screen it was on
        }
        this.shell = shell;
        StatusViewModel status =
                new StatusViewModel(texts, session.server(), session.client()::health, serverCalls, Platform::runLater);
        ZoneId zone = ZoneId.of(session.venue().timezone());
        boolean manager = MANAGERS.contains(session.role());
        TodayViewModel today = new TodayViewModel(
                texts, TodayApi.over(session.client()), zone, calls, () -> shell.show(Screen.ORDERS));
        boolean mayRefund = manager;
        OrdersViewModel orders = new OrdersViewModel(
                texts,
                OrdersApi.over(session.client()),
                zone,
                mayRefund,
                new Catalogue(session.venue(), texts.language().code()).menuCategories(),
                calls);
        Chime beep = Chime.systemBeep();
        InboxViewModel liveInbox = new InboxViewModel(
                texts,
                InboxApi.over(session.client()),
                new InboxSocket(session.server(), session.token(), texts),
                () -> ring(beep), // AWT's beep, never on the FX thread
                ConsoleApp::later,
                zone,
                session.name(),
                calls,
                Platform::runLater);
        stopInbox();
        inbox = liveInbox;
        BookingsViewModel bookings =
                new BookingsViewModel(texts, BookingsApi.over(session.client()), session.venue(), calls);
        GuestsViewModel guests = new GuestsViewModel(
                texts,
                GuestsApi.over(session.client()),
                zone,
                new Catalogue(session.venue(), texts.language().code()),
                !session.role().equals("front_desk"),
                calls,
                ConsoleApp::later,
                new FileExport(session.client()::download, calls, texts));
        liveInbox.onFinish(conversation -> {
            shell.show(Screen.BOOKINGS);
            bookings.newBookingFrom(java.util.Objects.requireNonNull(conversation.task()), conversation.slots());
        });
        shell.guard(bookings.unsaved());
        shell.guard(guests.unsaved());
        SyncViewModel sync = new SyncViewModel(texts, SyncApi.over(session.client()), zone, calls);
        BackupsViewModel backups = new BackupsViewModel(
                texts, BackupsApi.over(session.client()), zone, java.time.Clock.systemUTC(), manager, calls);
        SettingsViewModel settingsScreen =
                new SettingsViewModel(texts, SettingsApi.over(session.client()), zone, session.role(), calls);
        KnowledgeViewModel knowledge = new KnowledgeViewModel(
                texts, KnowledgeApi.over(session.client()), session.venue().languages(), zone, manager, calls);
        shell.guard(knowledge.unsaved());
        shell.guard(settingsScreen.unsaved());
        List<Page> pages = new java.util.ArrayList<>(List.of(
                new Page(Screen.TODAY, new TodayView(today), today::refresh).withKeys(TodayView.keys(texts)),
                new Page(Screen.ORDERS, new OrdersView(orders), orders::refresh)
                        .withKeys(OrdersView.keys(texts, mayRefund)),
                new Page(Screen.INBOX, new InboxView(liveInbox), liveInbox::refresh, liveInbox.waitingCountProperty())
                        .withKeys(InboxView.keys(texts)),
                new Page(Screen.BOOKINGS, new BookingsView(bookings), bookings::refresh)
                        .withKeys(BookingsView.keys(texts)),
                new Page(Screen.GUESTS, new GuestsView(guests, new SaveLocation(settings, texts)), guests::refresh)
                        .withKeys(GuestsView.keys(texts)),
                new Page(Screen.SYNC, new SyncView(sync, backups, supportBundle(session, calls, zone)), () -> {
                            sync.refresh();
                            backups.refresh();
                        })
                        .withKeys(SyncView.keys(texts)),
                new Page(Screen.SETTINGS, new SettingsView(settingsScreen, session.venue()), settingsScreen::refresh),
                new Page(Screen.KNOWLEDGE, new KnowledgeView(knowledge), knowledge::refresh)
                        .withKeys(KnowledgeView.keys(texts))));
        if (manager) {
            ReportsViewModel reports = new ReportsViewModel(
                    texts,
                    ReportsApi.over(session.client()),
                    zone,
                    calls,
                    question -> {
                        // the screen first: a new entry started before it would count as unsaved edits elsewhere
                        // and stop the switch; the entry then asks first about one being written
                        shell.show(Screen.KNOWLEDGE);
                        knowledge.startEntry(question.language(), question.text());
                    },
                    new FileExport(session.client()::download, calls, texts),
                    fileName -> new SaveLocation(settings, texts)
                            .choose(
                                    root.getScene() == null
                                            ? null
                                            : root.getScene().getWindow(),
                                    texts.get("reports.export.title"),
                                    fileName));
            pages.add(new Page(Screen.REPORTS, new ReportsView(reports), reports::refresh)
                    .withKeys(ReportsView.keys(texts)));
        }
        root.show(new ShellView(shell, status, pages));
        status.refresh();
        liveInbox.start(); // the badge counts and rings on every screen, not only the inbox's
    }

    /** The owner's support bundle download on the Sync screen; nobody else's (the server answers them 403). */
    private dev.concierge.console.sync.@Nullable SupportBundle supportBundle(
            Session session, ServerCalls calls, ZoneId zone) {
        if (!session.role().equals("owner")) {
            return null;
        }
        return new dev.concierge.console.sync.SupportBundle(
                new FileExport(session.client()::download, calls, texts),
                fileName -> new SaveLocation(settings, texts)
                        .choose(
                                root.getScene() == null ? null : root.getScene().getWindow(),
                                texts.get("support.title"),
                                fileName),
                java.time.Clock.systemUTC(),
                zone);
    }

    private void ring(Chime beep) {
        try {
            serverCalls.execute(beep::ring);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the window is closing: no sound
        }
    }

    /** The inbox's reconnect waits on the FX thread, as a timeline does. */
    private static void later(java.time.Duration wait, Runnable task) {
        PauseTransition pause = new PauseTransition(Duration.millis(wait.toMillis()));
        pause.setOnFinished(event -> task.run());
        pause.play();
    }

    private void stopInbox() {
        InboxViewModel open = inbox;
        inbox = null;
        if (open != null) {
            open.stop();
        }
    }

    /**
     * The header's switch: remembers the language on this PC and says everything again in it. The shell's screens are
     * rebuilt (the session stays signed in, on the same screen; a form with unsaved edits asks first); sign-in keeps
     * what was typed.
     */
    private void switchLanguage(UiLanguage language) {
        if (language == texts.language()) {
            return;
        }
        ShellViewModel open = shell;
        if (open != null && open.hasUnsavedChanges()) {
            // the screens are built again in the new language: a form with edits asks first
            open.leaving(() -> switchLanguage(language));
            return;
        }
        texts = new Texts(language);
        try {
            settings.put(UiLanguage.SETTING, language.code());
        } catch (ConsoleSettings.NotWritten notWritten) {
            // the console speaks the language all the same; the next start just does not remember it
        }
        root.speak(texts);
        if (stage != null) {
            stage.setTitle(texts.get("app.title"));
        }
        Session session = current;
        if (session != null) {
            showShell(session);
            return;
        }
        FirstRunViewModel owner = firstRun;
        if (owner != null && firstRunView != null && root.getCenter() == firstRunView) {
            // the owner's card says everything again in the new language, with what was typed in it
            owner.speak(texts);
            FirstRunView view = new FirstRunView(owner);
            firstRunView = view;
            root.show(view);
            view.focusFirstField();
        }
        SignInViewModel model = signIn;
        if (model != null) {
            model.speak(texts);
            boolean showing = signInView != null && root.getCenter() == signInView;
            SignInView view = new SignInView(model);
            signInView = view;
            if (showing) {
                root.show(view);
                view.focusFirstEmptyField();
            }
        }
    }

    private void showSignIn(String why) {
        current = null;
        shell = null;
        stopInbox();
        SignInViewModel model = signIn;
        SignInView view = signInView;
        if (model == null || view == null) {
            return;
        }
        root.show(view);
        model.signedOut(why);
        view.focusFirstEmptyField();
    }

    @Override
    public void stop() {
        // a screen taken out of the window stops asking the server every few seconds
        root.show(null);
        stopInbox();
        serverCalls.shutdownNow();
        InProcessServer server;
        synchronized (this) {
            stopped = true;
            server = inProcess;
            inProcess = null;
        }
        if (server != null) {
            server.close();
        }
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "console-server-calls-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
