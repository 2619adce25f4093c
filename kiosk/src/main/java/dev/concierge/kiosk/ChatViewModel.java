package dev.concierge.kiosk;

import dev.concierge.api.ChatReply;
import dev.concierge.api.ChatRequest;
import dev.concierge.api.LiveEvent;
import dev.concierge.api.Transcript;
import dev.concierge.api.VenueProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * One guest's conversation at the kiosk: what was said, the quick replies, the language, confirmation cards, and the
 * idle countdown that ends it. {@link #startOver()} (or the countdown running out) leaves nothing of it behind: a new
 * conversation, an empty screen, the venue's first language, and answers still on their way are dropped.
 */
final class ChatViewModel {
    static final String CHANNEL = "kiosk";

    /** The longest warning before an idle conversation is dropped; shorter when the idle time itself is. */
    static final Duration MAX_WARNING = Duration.ofSeconds(15);

    /** Who said a line of the transcript; a card is what a reply committed. */
    enum Role {
        GUEST,
        ASSISTANT,
        STAFF,
        NOTICE,
        CARD
    }

    /** A line on screen: its text, or the card when {@code role} is {@link Role#CARD}. */
    record Entry(Role role, String text, @Nullable ConfirmationCard card) {
        static Entry line(Role role, String text) {
            return new Entry(role, text, null);
        }

        static Entry card(ConfirmationCard card) {
            return new Entry(Role.CARD, card.title(), card);
        }
    }

    private final Supplier<KioskApi> server;
    private final Calls calls;
    private final Duration idle;
    private final Duration warning;
    private final Supplier<Instant> clock;
    private final Consumer<RuntimeException> connectionFailed;
    private final PaymentViewModel payment;

    private final ObservableList<Entry> transcript = FXCollections.observableArrayList();
    private final ObservableList<String> quickReplies = FXCollections.observableArrayList();
    private final ObservableList<Language> languages = FXCollections.observableArrayList(Language.values());
    // The read-only views are made once and kept here: such a view listens to its list only weakly, so one made per
    // call and held by nobody but the screen's listener is collected at the next GC, and the screen stops following.
    private final ObservableList<Entry> transcriptView = FXCollections.unmodifiableObservableList(transcript);
    private final ObservableList<String> quickRepliesView = FXCollections.unmodifiableObservableList(quickReplies);
    private final ObservableList<Language> languagesView = FXCollections.unmodifiableObservableList(languages);
    private final ReadOnlyObjectWrapper<Language> language =
            new ReadOnlyObjectWrapper<>(this, "language", Language.ENGLISH);
    private final ReadOnlyObjectWrapper<Texts> texts =
            new ReadOnlyObjectWrapper<>(this, "texts", Texts.of(Language.ENGLISH));
    private final ReadOnlyStringWrapper venueName = new ReadOnlyStringWrapper(this, "venueName", "");
    private final ReadOnlyStringWrapper brandColor = new ReadOnlyStringWrapper(this, "brandColor", "");
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ReadOnlyBooleanWrapper handedOff = new ReadOnlyBooleanWrapper(this, "handedOff");
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper(this, "secondsLeft", -1);
    private final BooleanBinding countingDown = secondsLeft.greaterThanOrEqualTo(0);
    private final BooleanBinding canSend;

    private @Nullable VenueProfile venue;
    private @Nullable String conversationId;
    private @Nullable AutoCloseable following;
    /** The staff lines on screen (time and text): one reaches the kiosk by the live feed and by the catch-up. */
    private final Set<String> staffLinesShown = new HashSet<>();

    private Instant lastActivity;
    /** Told at each start over, to put the guest's own settings back (accessibility, keyboard). */
    private final List<Runnable> startingOver = new ArrayList<>();
    /** Counts guests: an answer for an earlier one is not shown to the next. */
    private int guest;

    /**
     * @param server the server as the paired kiosk, read at each call (the pairing may come later)
     * @param idle how long a guest may leave the screen untouched before the countdown shows
     * @param connectionFailed told when a call found the server unreachable or this kiosk unpaired
     */
    ChatViewModel(
            Supplier<KioskApi> server,
            Calls calls,
            Duration idle,
            Supplier<Instant> clock,
            Consumer<RuntimeException> connectionFailed) {
        this.server = server;
        this.calls = calls;
        this.idle = idle;
        this.warning = idle.compareTo(MAX_WARNING) < 0 ? idle : MAX_WARNING;
        this.clock = clock;
        this.connectionFailed = connectionFailed;
        this.lastActivity = clock.get();
        this.payment = new PaymentViewModel(server, calls, clock, texts::get, this::paymentSettled, connectionFailed);
        texts.bind(Bindings.createObjectBinding(() -> Texts.of(language.get()), language));
        canSend = Bindings.createBooleanBinding(() -> !draft.get().isBlank(), draft)
                .and(sending.not());
        showStarters();
    }

    /** The venue the kiosk is in: its name on screen, its languages to pick from, its catalogue for the cards. */
    void useVenue(VenueProfile profile) {
        venue = profile;
        venueName.set(profile.name());
        brandColor.set(profile.brandColor() == null ? "" : profile.brandColor());
        List<Language> offered = new ArrayList<>();
        for (String code : profile.languages()) {
            Language.of(code).filter(found -> !offered.contains(found)).ifPresent(offered::add);
        }
        if (offered.isEmpty()) {
            offered.add(Language.ENGLISH);
        }
        if (!languages.equals(offered)) {
            languages.setAll(offered);
        }
        if (transcript.isEmpty() && !languages.contains(language.get())) {
            setLanguage(firstLanguage());
        }
    }

    /** The guest touched a language button: the screen, and the assistant's next replies, are in it. */
    void choose(Language chosen) {
        touch();
        setLanguage(chosen);
    }

    /** Sends what the guest typed. */
    void send() {
        String message = draft.get().strip();
        if (message.isEmpty() || sending.get()) {
            return;
        }
        draft.set("");
        send(message);
    }

    /** Sends a message: the guest's typed one, a quick reply they touched, or a call for staff. */
    void send(String message) {
        touch();
        if (message.isBlank() || sending.get()) {
            return;
        }
        int asking = guest;
        transcript.add(Entry.line(Role.GUEST, message));
        quickReplies.clear();
        sending.set(true);
        ChatRequest request =
                new ChatRequest(conversationId, message, language.get().code(), CHANNEL);
        calls.call(
                () -> server.get().chat(request),
                reply -> {
                    if (asking == guest) {
                        answered(reply);
                    }
                },
                failure -> {
                    if (asking != guest) {
                        return;
                    }
                    sending.set(false);
                    if (Calls.unreachable(failure) || Calls.unpaired(failure)) {
                        connectionFailed.accept(failure);
                    } else {
                        transcript.add(Entry.line(Role.NOTICE, texts.get().get("error")));
                    }
                });
    }

    /** "Call staff": asks for a person in the guest's language; the assistant hands the conversation to the desk. */
    void callStaff() {
        send(texts.get().get("callStaff.message"));
    }

    /** The guest is still there. */
    void moreTime() {
        touch();
    }

    /** Any touch or key on the screen. */
    void touch() {
        lastActivity = clock.get();
        secondsLeft.set(-1);
    }

    /** Called every half second or so: shows the countdown, and drops the conversation when it runs out. */
    void tick(Instant now) {
        payment.tick(now);
        // a guest waiting for the assistant's answer, or at the card reader, is not idle: the clock starts again after
        if (!inUse() || sending.get() || payment.busy()) {
            lastActivity = now;
            secondsLeft.set(-1);
            return;
        }
        Duration untouched = Duration.between(lastActivity, now);
        if (untouched.compareTo(idle) < 0) {
            secondsLeft.set(-1);
            return;
        }
        Duration left = idle.plus(warning).minus(untouched);
        if (left.isNegative() || left.isZero()) {
            startOver();
            return;
        }
        secondsLeft.set((int) Math.max(1, (left.toMillis() + 999) / 1000));
    }

    /** Ends this guest's conversation and leaves a clean screen for the next. */
    void startOver() {
        guest++;
        stopFollowing();
        payment.clear();
        conversationId = null;
        transcript.clear();
        staffLinesShown.clear();
        draft.set("");
        sending.set(false);
        handedOff.set(false);
        secondsLeft.set(-1);
        setLanguage(firstLanguage());
        showStarters();
        lastActivity = clock.get();
        startingOver.forEach(Runnable::run);
    }

    /** Runs {@code reset} whenever the conversation starts over for the next guest. */
    void whenStartingOver(Runnable reset) {
        startingOver.add(reset);
    }

    /** Whether anything of a guest is on screen (else there is nothing to count down for). */
    boolean inUse() {
        return !transcript.isEmpty() || !draft.get().isEmpty() || language.get() != firstLanguage() || sending.get();
    }

    private void answered(ChatReply reply) {
        sending.set(false);
        lastActivity = clock.get(); // the guest reads the answer from now on
        boolean newConversation = !reply.conversationId().equals(conversationId);
        if (newConversation) {
            stopFollowing();
            conversationId = reply.conversationId();
        }
        Language.of(reply.language()).filter(languages::contains).ifPresent(this::setLanguage);
        if (!reply.reply().isBlank()) {
            transcript.add(Entry.line(Role.ASSISTANT, reply.reply()));
        }
        Texts now = texts.get();
        if (reply.booking() != null && venue != null) {
            transcript.add(Entry.card(ConfirmationCard.of(reply.booking(), venue, now)));
        }
        if (reply.booking() != null && Payable.needsReader(reply.booking())) {
            payment.start(Payable.of(reply.booking()), language.get());
        }
        if (reply.order() != null) {
            transcript.add(Entry.card(ConfirmationCard.of(reply.order(), now)));
            if (Payable.needsReader(reply.order())) {
                payment.start(Payable.of(reply.order()), language.get());
            }
        }
        if (reply.handoff() && !handedOff.get()) {
            handedOff.set(true);
            transcript.add(Entry.line(Role.NOTICE, now.get("staff.coming")));
        }
        quickReplies.setAll(reply.quickReplies());
        if (newConversation) {
            // after the reply is on screen, so what the feed (or its catch-up) brings comes below it
            follow(reply.conversationId());
        }
    }

    private void follow(String id) {
        int forGuest = guest;
        try {
            following = server.get()
                    .follow(
                            id,
                            () -> calls.onFx(() -> catchUp(id, forGuest)),
                            event -> calls.onFx(() -> {
                                if (stillFollowing(id, forGuest)) {
                                    live(event);
                                }
                            }));
        } catch (RuntimeException e) {
            // without the live feed the guest still chats; only staff replies wait for the next turn
            following = null;
        }
    }

    /**
     * The socket opens after the reply that started the conversation: a desk quick to answer (or to release it) may
     * have done so in between, so the stored transcript fills in what the live feed could not push.
     */
    private void catchUp(String id, int forGuest) {
        if (!stillFollowing(id, forGuest)) {
            return;
        }
        calls.call(
                () -> server.get().transcript(id),
                stored -> {
                    if (!stillFollowing(id, forGuest)) {
                        return;
                    }
                    stored.messages().stream()
                            .filter(line -> "staff".equals(line.role()))
                            .forEach(this::showStaffLine);
                    statusChanged(stored.status());
                },
                failure -> {
                    // the live feed still brings what comes next; an unreachable server shows at the next turn
                });
    }

    /** Whether the guest and conversation a feed was opened for are still the ones on screen. */
    private boolean stillFollowing(String id, int forGuest) {
        return forGuest == guest && id.equals(conversationId);
    }

    private void live(LiveEvent event) {
        Transcript.Line line = event.line();
        if ("message".equals(event.type()) && line != null && "staff".equals(line.role())) {
            showStaffLine(line);
        } else if ("status".equals(event.type()) && event.status() != null) {
            statusChanged(event.status());
        }
    }

    private void paymentSettled(String line) {
        touch();
        transcript.add(Entry.line(Role.NOTICE, line));
    }

    private void showStaffLine(Transcript.Line line) {
        if (staffLinesShown.add(line.at() + " " + line.text())) {
            touch();
            transcript.add(Entry.line(Role.STAFF, line.text()));
            handedOff.set(true);
        }
    }

    private void statusChanged(String status) {
        if ("open".equals(status) && handedOff.get()) {
            handedOff.set(false);
            transcript.add(Entry.line(Role.NOTICE, texts.get().get("staff.back")));
        } else if ("handoff".equals(status)) {
            handedOff.set(true);
        }
    }

    private void stopFollowing() {
        AutoCloseable feed = following;
        following = null;
        if (feed != null) {
            try {
                feed.close();
            } catch (Exception ignored) {
                // the socket was already gone
            }
        }
    }

    private void setLanguage(Language chosen) {
        language.set(chosen);
        if (transcript.isEmpty()) {
            showStarters();
        }
    }

    private void showStarters() {
        Texts words = texts.get();
        quickReplies.setAll(words.get("starter.1"), words.get("starter.2"), words.get("starter.3"));
    }

    private Language firstLanguage() {
        return languages.isEmpty() ? Language.ENGLISH : languages.get(0);
    }

    /** The payment at the card reader of the order the guest just placed, if it needs one. */
    PaymentViewModel payment() {
        return payment;
    }

    ObservableList<Entry> transcript() {
        return transcriptView;
    }

    ObservableList<String> quickReplies() {
        return quickRepliesView;
    }

    ObservableList<Language> languages() {
        return languagesView;
    }

    ReadOnlyObjectProperty<Language> languageProperty() {
        return language.getReadOnlyProperty();
    }

    Language getLanguage() {
        return language.get();
    }

    ReadOnlyObjectProperty<Texts> textsProperty() {
        return texts.getReadOnlyProperty();
    }

    Texts getTexts() {
        return texts.get();
    }

    ReadOnlyStringProperty venueNameProperty() {
        return venueName.getReadOnlyProperty();
    }

    /** The venue's colour ({@code #rrggbb}), or empty for the product's own. */
    ReadOnlyStringProperty brandColorProperty() {
        return brandColor.getReadOnlyProperty();
    }

    StringProperty draftProperty() {
        return draft;
    }

    ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty handedOffProperty() {
        return handedOff.getReadOnlyProperty();
    }

    /** Seconds until the conversation is dropped while the countdown shows, else -1. */
    ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    BooleanBinding countingDownProperty() {
        return countingDown;
    }

    BooleanBinding canSendProperty() {
        return canSend;
    }

    @Nullable
    String conversationId() {
        return conversationId;
    }
}
