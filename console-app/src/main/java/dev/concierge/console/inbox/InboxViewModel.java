package dev.concierge.console.inbox;

import dev.concierge.api.ConversationSummary;
import dev.concierge.api.LiveEvent;
import dev.concierge.api.Transcript;
import dev.concierge.api.VenueProfile;
import dev.concierge.console.Catalogue;
import dev.concierge.console.Formats;
import dev.concierge.console.ServerCalls;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The inbox: conversations waiting for a person (and, with the filter, the open ones), newest first, kept current by
 * the desk's live feed; a new handoff rings and counts on the badge at once. The selected conversation's whole
 * transcript grows live; staff take it over, reply (canned replies help) and release it back to the assistant.
 */
public final class InboxViewModel {
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofSeconds(30);
    /** Which conversations the list shows. */
    public enum Filter {
        WAITING("inbox.filter.waiting"),
        WAITING_AND_OPEN("inbox.filter.open");

        private final String key;

        Filter(String key) {
            this.key = key;
        }

        /** The choice as the filter shows it, in the words of {@code texts}. */
        public String text(dev.concierge.console.Texts texts) {
            return texts.get(key);
        }
    }

    /** Runs a task later on the FX thread: the reconnect's backoff ({@code PauseTransition} in the app). */
    @FunctionalInterface
    public interface Later {
        void after(Duration wait, Runnable task);
    }

    /** One refresh's answers, read together off the FX thread. */
    private record Listed(
            Instant now, Catalogue catalogue, List<ConversationSummary> waiting, List<ConversationSummary> open) {}

    private final dev.concierge.console.Texts texts;
    private final InboxApi api;
    private final InboxFeed feed;
    private final Chime chime;
    private final Later later;
    private final ZoneId zone;
    private final String staffName;
    private final ServerCalls calls;
    private final Executor fxThread;

    private final ObservableList<InboxRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(this, "filter", Filter.WAITING);
    private final ReadOnlyIntegerWrapper waitingCount = new ReadOnlyIntegerWrapper(this, "waitingCount");
    private final ReadOnlyObjectWrapper<@Nullable InboxRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<TranscriptLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selectedStatus = new ReadOnlyStringWrapper(this, "selectedStatus", "");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final StringProperty reply = new SimpleStringProperty(this, "reply", "");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyStringWrapper feedText = new ReadOnlyStringWrapper(this, "feedText", "Connecting…");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");

    /** Conversations the last list showed waiting: a handoff not among them rings. */
    private final Set<String> waitingIds = new HashSet<>();
    /** Conversations this desk took over: their handoff is no news here. */
    private final Set<String> ours = new HashSet<>();

    private InboxFeed.@Nullable Subscription subscription;
    private Duration nextRetry = FIRST_RETRY;
    private boolean stopped;
    private boolean listedOnce;
    private boolean refreshing;
    private boolean askAgain;
    private @Nullable String language;
    private java.util.function.Consumer<ConversationSummary> finisher = conversation -> {};

    /**
     * @param zone the venue's zone: how times are shown
     * @param staffName who signs the canned greeting
     * @param fxThread where the feed's events are handled ({@code Platform::runLater} in the app)
     */
    public InboxViewModel(
            dev.concierge.console.Texts texts,
            InboxApi api,
            InboxFeed feed,
            Chime chime,
            Later later,
            ZoneId zone,
            String staffName,
            ServerCalls calls,
            Executor fxThread) {
        this.texts = texts;
        this.api = api;
        this.feed = feed;
        this.chime = chime;
        this.later = later;
        this.zone = zone;
        this.staffName = staffName.strip().split("\\s+")[0];
        this.calls = calls;
        this.fxThread = fxThread;
        filter.addListener((observable, before, now) -> refresh());
    }

    /** Opens the live feed and lists the conversations; on the FX thread, once the shell shows. */
    public void start() {
        stopped = false;
        openFeed();
        refresh();
    }

    /** Closes the live feed (logout, window closed); no reconnect follows. */
    public void stop() {
        stopped = true;
        InboxFeed.Subscription open = subscription;
        subscription = null;
        if (open != null) {
            open.close();
        }
        live.set(false);
    }

    private void openFeed() {
        if (stopped) {
            return;
        }
        feedText.set(texts.get("inbox.connecting"));
        subscription = feed.open(new InboxFeed.Listener() {
            @Override
            public void opened() {
                fxThread.execute(InboxViewModel.this::feedOpened);
            }

            @Override
            public void event(LiveEvent event) {
                fxThread.execute(() -> heard(event));
            }

            @Override
            public void lost(String why) {
                fxThread.execute(() -> feedLost(why));
            }
        });
    }

    private void feedOpened() {
        nextRetry = FIRST_RETRY;
        live.set(true);
        feedText.set(texts.get("inbox.live"));
        refresh(); // what happened while the feed was down
    }

    private void feedLost(String why) {
        live.set(false);
        subscription = null;
        if (stopped) {
            return;
        }
        Duration wait = nextRetry;
        nextRetry = nextRetry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : nextRetry.multipliedBy(2);
        feedText.set(texts.get("inbox.feedLost", why, wait.toSeconds()));
        later.after(wait, this::openFeed);
    }

    /** One event of the live feed, on the FX thread. */
    void heard(LiveEvent event) {
        String id = event.conversationId();
        InboxRow current = selected.get();
        boolean showing = current != null && current.id().equals(id);
        if ("message".equals(event.type()) && event.line() != null) {
            if (showing) {
                append(TranscriptLine.of(event.line(), zone, texts));
            }
            refresh(); // the row's last message and time, or a new open conversation
        } else if ("status".equals(event.type()) && event.status() != null) {
            if ("handoff".equals(event.status()) && !ours.contains(id) && waitingIds.add(id)) {
                chime.ring();
                waitingCount.set(waitingIds.size());
            }
            if ("open".equals(event.status())) {
                ours.remove(id);
            }
            if (showing) {
                selectedStatus.set(event.status());
            }
            refresh();
        }
    }

    private void append(TranscriptLine line) {
        if (!lines.contains(line)) {
            lines.add(line);
        }
    }

    /** Lists the conversations again; while an answer is awaited a second call asks once more after it. */
    public void refresh() {
        if (stopped) {
            return; // signed out or closing: the calls' threads may be gone
        }
        if (refreshing) {
            askAgain = true;
            return;
        }
        refreshing = true;
        boolean withOpen = filter.get() == Filter.WAITING_AND_OPEN;
        calls.call(
                () -> {
                    VenueProfile venue = api.venue();
                    Instant now = venue.now() != null ? venue.now().toInstant() : Instant.now();
                    return new Listed(
                            now,
                            new Catalogue(venue),
                            api.conversations("handoff"),
                            withOpen ? api.conversations("open") : List.of());
                },
                this::show,
                why -> {
                    problem.set(texts.get("inbox.notLoaded", why));
                    answered();
                });
    }

    private void show(Listed listed) {
        Set<String> nowWaiting = new HashSet<>();
        listed.waiting().forEach(conversation -> nowWaiting.add(conversation.id()));
        if (listedOnce && nowWaiting.stream().anyMatch(id -> !waitingIds.contains(id) && !ours.contains(id))) {
            chime.ring(); // handed over while the feed was down
        }
        listedOnce = true;
        waitingIds.clear();
        waitingIds.addAll(nowWaiting);
        waitingCount.set(nowWaiting.size());
        List<InboxRow> fresh = Stream.concat(listed.waiting().stream(), listed.open().stream())
                .map(conversation -> row(conversation, listed))
                .sorted(Comparator.comparing(InboxRow::lastMessageAt).reversed())
                .toList();
        if (!rows.equals(fresh)) {
            rows.setAll(fresh);
        }
        InboxRow current = selected.get();
        if (current != null) {
            find(current.id()).ifPresent(row -> {
                selected.set(row);
                summary.set(row.summary());
            });
        }
        problem.set("");
        answered();
    }

    private void answered() {
        refreshing = false;
        if (askAgain) {
            askAgain = false;
            refresh();
        }
    }

    private InboxRow row(ConversationSummary conversation, Listed listed) {
        long minutes = Math.max(
                0, Duration.between(conversation.lastMessageAt(), listed.now()).toMinutes());
        String last = conversation.lastMessage() == null ? texts.get("inbox.noMessageYet") : conversation.lastMessage();
        return new InboxRow(
                conversation.id(),
                conversation.status(),
                conversation.channel(),
                Objects.requireNonNullElse(conversation.language(), "?"),
                conversation.lastMessageAt(),
                last,
                texts.get("inbox.since", Formats.time(conversation.lastMessageAt(), zone), minutes),
                HandoffSummary.of(conversation, listed.catalogue(), texts),
                conversation);
    }

    private Optional<InboxRow> find(String id) {
        return rows.stream().filter(row -> row.id().equals(id)).findFirst();
    }

    /** Shows a conversation's whole transcript ({@code GET /api/chat/{id}}); null clears it. */
    public void select(@Nullable InboxRow row) {
        InboxRow before = selected.get();
        selected.set(row);
        if (row == null) {
            lines.clear();
            heading.set("");
            summary.set("");
            selectedStatus.set("");
            return;
        }
        summary.set(row.summary());
        heading.set(row.title() + " · " + row.waiting());
        if (before != null && before.id().equals(row.id())) {
            return;
        }
        lines.clear();
        selectedStatus.set(row.status());
        language = row.language();
        notice.set("");
        reply.set("");
        calls.call(() -> api.transcript(row.id()), transcript -> showTranscript(row.id(), transcript), problem::set);
    }

    private void showTranscript(String id, Transcript transcript) {
        InboxRow current = selected.get();
        if (current == null || !current.id().equals(id)) {
            return; // another conversation was selected meanwhile
        }
        lines.setAll(transcript.messages().stream()
                .map(line -> TranscriptLine.of(line, zone, texts))
                .toList());
        selectedStatus.set(transcript.status());
        if (transcript.language() != null) {
            language = transcript.language();
        }
    }

    /** What "Complete the booking" does: the console opens the Bookings form filled in from the conversation. */
    public void onFinish(java.util.function.Consumer<ConversationSummary> finish) {
        this.finisher = finish;
    }

    /** Whether the conversation's guest was booking a service or a room: the desk can finish that for them. */
    public static boolean finishable(@Nullable InboxRow row) {
        return row != null
                && ("book_service".equals(row.conversation().task())
                        || "book_room".equals(row.conversation().task()));
    }

    /** Hands the selected conversation's booking, as far as the guest got, to the Bookings form. */
    public void finishSelected() {
        InboxRow row = selected.get();
        if (!finishable(row)) {
            problem.set(texts.get("inbox.nothingToFinish"));
            return;
        }
        problem.set("");
        finisher.accept(row.conversation());
    }

    /** Takes an open conversation over with a greeting in the guest's language: the assistant goes quiet at once. */
    public void takeOver() {
        InboxRow row = selected.get();
        if (row == null) {
            problem.set(texts.get("inbox.selectFirst"));
            return;
        }
        if ("handoff".equals(selectedStatus.get())) {
            problem.set(texts.get("inbox.alreadyWithAPerson"));
            return;
        }
        post(row, CannedReplies.ALL.get(0).in(languageOfSelected(), staffName), texts.get("inbox.takenOver"));
    }

    /** Sends the reply box's text to the guest; an open conversation is taken over by it. */
    public void send() {
        InboxRow row = selected.get();
        String text = reply.get().strip();
        if (row == null) {
            problem.set(texts.get("inbox.selectFirst"));
            return;
        }
        if (text.isEmpty()) {
            problem.set(texts.get("inbox.writeFirst"));
            return;
        }
        post(row, text, texts.get("inbox.sent"));
    }

    private void post(InboxRow row, String text, String success) {
        if (sending.get()) {
            return;
        }
        sending.set(true);
        problem.set("");
        ours.add(row.id());
        calls.call(
                () -> api.reply(row.id(), text),
                transcript -> {
                    sending.set(false);
                    reply.set("");
                    notice.set(success);
                    showTranscript(row.id(), transcript);
                    refresh();
                },
                why -> {
                    sending.set(false);
                    problem.set(texts.get("inbox.notSent", why));
                });
    }

    /** Gives the selected conversation back to the assistant, which answers the guest's next message. */
    public void release() {
        InboxRow row = selected.get();
        if (row == null) {
            problem.set(texts.get("inbox.selectFirst"));
            return;
        }
        if (!"handoff".equals(selectedStatus.get())) {
            problem.set(texts.get("inbox.assistantHasIt"));
            return;
        }
        problem.set("");
        calls.call(
                () -> api.release(row.id()),
                transcript -> {
                    ours.remove(row.id());
                    notice.set(texts.get("inbox.released"));
                    showTranscript(row.id(), transcript);
                    refresh();
                },
                problem::set);
    }

    /** Puts canned reply {@code index} (0-based) in the reply box, in the guest's language, after what is there. */
    public void insertCanned(int index) {
        if (index < 0 || index >= CannedReplies.ALL.size()) {
            return;
        }
        String text = CannedReplies.ALL.get(index).in(languageOfSelected(), staffName);
        String typed = reply.get().strip();
        reply.set(typed.isEmpty() ? text : typed + " " + text);
    }

    /** The canned replies' titles, numbered as their keys: "1 Hello". */
    public List<String> cannedTitles() {
        // the titles in the console's language (the replies themselves are in the guest's)
        return java.util.stream.IntStream.range(0, CannedReplies.ALL.size())
                .mapToObj(index -> texts.get("inbox.cannedTitle." + (index + 1)))
                .toList();
    }

    public dev.concierge.console.Texts texts() {
        return texts;
    }

    private String languageOfSelected() {
        return "es".equals(language) ? "es" : "en";
    }

    public ObservableList<InboxRow> rows() {
        return rows;
    }

    public ObjectProperty<Filter> filterProperty() {
        return filter;
    }

    /** How many conversations wait for a person: the navigation's badge. */
    public ReadOnlyIntegerProperty waitingCountProperty() {
        return waitingCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable InboxRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObservableList<TranscriptLine> lines() {
        return lines;
    }

    /** {@code handoff} (a person answers), {@code open} (the assistant does), or blank with nothing selected. */
    public ReadOnlyStringProperty selectedStatusProperty() {
        return selectedStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public StringProperty replyProperty() {
        return reply;
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty feedTextProperty() {
        return feedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }
}
