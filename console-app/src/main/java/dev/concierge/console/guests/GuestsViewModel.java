package dev.concierge.console.guests;

import dev.concierge.api.BookingView;
import dev.concierge.api.Contact;
import dev.concierge.api.ContactActivity;
import dev.concierge.api.ContactUpdate;
import dev.concierge.api.ConversationSummary;
import dev.concierge.api.OrderView;
import dev.concierge.api.SyncStatus;
import dev.concierge.console.Catalogue;
import dev.concierge.console.Feedback;
import dev.concierge.console.Formats;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.Texts;
import dev.concierge.console.files.FileExport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * The Guests screen: the contacts matching what is typed in the search (asked for a moment after the typing stops),
 * the selected guest's details with their bookings, orders and conversations, edits and consent, and merging a
 * duplicate into them after a confirmation; a manager also erases a guest (after typing their name) and exports; a
 * line says how the Google Sheets copy keeps up.
 */
public final class GuestsViewModel {
    /** The connector that copies the guests to Google Sheets ({@code GET /api/staff/sync}). */
    static final String SHEETS = "google-sheets";

    /** How long the search waits after the last key before asking the server. */
    static final Duration SEARCH_DELAY = Duration.ofMillis(300);

    /** Runs a task later on the FX thread: the search's pause after typing ({@code PauseTransition} in the app). */
    @FunctionalInterface
    public interface Later {
        void after(Duration wait, Runnable task);
    }

    /** One refresh's answers, read together off the FX thread. */
    private record Listed(String query, List<Contact> contacts, String sync, String syncState) {}

    private final Texts texts;
    private final DateTimeFormatter dayFormat;
    private final DateTimeFormatter shortDay;
    private boolean loadFailed;

    private final GuestsApi api;
    private final ZoneId zone;
    private final Catalogue catalogue;
    private final boolean manager;
    private final ServerCalls calls;
    private final Later later;
    private final FileExport exports;

    private final ObservableList<GuestRow> rows = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<@Nullable GuestRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<@Nullable ContactActivity> activity =
            new ReadOnlyObjectWrapper<>(this, "activity");
    private final ReadOnlyStringWrapper activityText = new ReadOnlyStringWrapper(this, "activityText", "");
    private final ReadOnlyBooleanWrapper choosingDuplicate = new ReadOnlyBooleanWrapper(this, "choosingDuplicate");
    private final StringProperty mergeQuery = new SimpleStringProperty(this, "mergeQuery", "");
    private final ObservableList<GuestRow> candidates = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable GuestRow> mergingDuplicate =
            new ReadOnlyObjectWrapper<>(this, "mergingDuplicate");
    private final ReadOnlyObjectWrapper<@Nullable GuestForm> form = new ReadOnlyObjectWrapper<>(this, "form");
    private final javafx.beans.property.ReadOnlyBooleanWrapper formChanged =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "formChanged");
    private final dev.concierge.console.UnsavedChanges unsaved =
            new dev.concierge.console.UnsavedChanges(formChanged, () -> form.set(null));
    private final ReadOnlyObjectWrapper<@Nullable GuestRow> erasing = new ReadOnlyObjectWrapper<>(this, "erasing");
    private final StringProperty eraseTyped = new SimpleStringProperty(this, "eraseTyped", "");
    private final ReadOnlyBooleanWrapper eraseConfirmed = new ReadOnlyBooleanWrapper(this, "eraseConfirmed");
    private final ReadOnlyStringWrapper sync = new ReadOnlyStringWrapper(this, "sync", "");
    private final ReadOnlyStringWrapper syncState = new ReadOnlyStringWrapper(this, "syncState", "");
    private final Feedback feedback = new Feedback();
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing");
    private boolean askAgain;
    private long typed;
    private long typedForMerge;

    /**
     * @param manager whether the signed-in role is a manager or the owner: the GDPR export and erasure and the
     *     spreadsheet export are theirs (the server refuses the front desk)
     * @param catalogue the venue's names of what it books ("60-minute massage", not {@code massage-60})
     * @param later the search's pause after typing
     * @param exports the downloads of the spreadsheet and of a guest's personal data, one at a time
     */
    public GuestsViewModel(
            Texts texts,
            GuestsApi api,
            ZoneId zone,
            Catalogue catalogue,
            boolean manager,
            ServerCalls calls,
            Later later,
            FileExport exports) {
        this.texts = texts;
        this.dayFormat = DateTimeFormatter.ofPattern("EEE d MMM yyyy", texts.locale());
        this.shortDay = DateTimeFormatter.ofPattern("d MMM", texts.locale());
        this.api = api;
        this.zone = zone;
        this.catalogue = catalogue;
        this.manager = manager;
        this.calls = calls;
        this.later = later;
        this.exports = exports;
        query.addListener((observable, before, now) -> searchSoon());
        mergeQuery.addListener((observable, before, now) -> {
            long mine = ++typedForMerge;
            later.after(SEARCH_DELAY, () -> {
                if (mine == typedForMerge) {
                    listCandidates();
                }
            });
        });
        form.addListener((observable, before, now) -> {
            formChanged.unbind();
            if (now == null) {
                formChanged.set(false);
            } else {
                formChanged.bind(now.changedProperty());
            }
        });
        selected.addListener((observable, before, now) -> {
            if (now == null || before == null || now.id() != before.id()) {
                activity.set(null);
                closeMerge();
                loadActivity();
            }
        });
        eraseTyped.addListener((observable, before, now) -> {
            eraseConfirmed.set(typedMatches());
            if (erasing.get() != null && !getProblem().isEmpty()) {
                feedback.clear(); // "type their name" is answered by typing
            }
        });
        erasing.addListener((observable, before, now) -> eraseConfirmed.set(typedMatches()));
    }

    private void searchSoon() {
        long mine = ++typed;
        later.after(SEARCH_DELAY, () -> {
            if (mine == typed) {
                refresh();
            }
        });
    }

    /**
     * Asks for the guests matching the search and for the Sheets line. While an answer is awaited another call asks
     * once more after it, so a slow server is not asked over and over; an answer to an older search is not shown.
     */
    public void refresh() {
        if (refreshing.get()) {
            askAgain = true;
            return;
        }
        refreshing.set(true);
        String wanted = query.get().strip();
        calls.call(() -> list(wanted), this::show, why -> {
            loadFailed = true;
            feedback.failed(texts.get("guests.notLoaded", why));
            answered();
        });
    }

    private Listed list(String wanted) {
        List<Contact> contacts = api.contacts(wanted);
        String line;
        String state;
        try {
            Optional<SyncStatus.Connector> sheets = api.sync().connectors().stream()
                    .filter(connector -> connector.name().equals(SHEETS))
                    .findFirst();
            line = sheets.map(this::syncLine).orElse(texts.get("guests.sheets.notSetUp"));
            state = sheets.map(SyncStatus.Connector::state).orElse("not_configured");
        } catch (RuntimeException e) {
            line = texts.get("guests.sheets.unreadable", ServerCalls.plainWords(e, texts));
            state = "unknown";
        }
        return new Listed(wanted, contacts, line, state);
    }

    private void show(Listed listed) {
        sync.set(listed.sync());
        syncState.set(listed.syncState());
        if (listed.query().equals(query.get().strip())) {
            @Nullable GuestRow keep = selected.get();
            List<GuestRow> fresh = listed.contacts().stream()
                    .map(contact -> GuestRow.of(contact, zone, texts))
                    .toList();
            if (!rows.equals(fresh)) {
                rows.setAll(fresh);
            }
            @Nullable GuestRow now = keep == null ? null : find(keep.id()).orElse(null);
            selected.set(now);
            if (now != null && keep != null && now.id() == keep.id()) {
                loadActivity(); // a new booking or order of theirs shows without selecting them again
            }
            if (loadFailed) {
                loadFailed = false;
                feedback.clear();
            }
        }
        answered();
    }

    private void answered() {
        refreshing.set(false);
        if (askAgain) {
            askAgain = false;
            refresh();
        }
    }

    /** "Google Sheets: up to date · last copied 10 Mar 2026, 09:00"; the state in words, never by colour alone. */
    String syncLine(SyncStatus.Connector sheets) {
        String last = " · "
                + (sheets.lastDeliveredAt() == null
                        ? texts.get("guests.sheets.nothingCopied")
                        : texts.get("guests.sheets.lastCopied", GuestRow.when(sheets.lastDeliveredAt(), zone, texts)));
        String waiting = texts.get("guests.sheets.waiting", sheets.pending());
        String error =
                sheets.lastError() == null ? "" : " · " + texts.get("guests.sheets.lastError", sheets.lastError());
        return switch (sheets.state()) {
            case "ok" ->
                texts.get("guests.sheets", sheets.pending() == 0 ? texts.get("guests.sheets.upToDate") : waiting)
                        + last;
            case "retrying" -> texts.get("guests.sheets.retrying", waiting) + last + error;
            case "failing" -> texts.get("guests.sheets.failing", sheets.dead()) + last + error;
            case "not_configured" ->
                sheets.pending() > 0
                        ? texts.get("guests.sheets.notSetUpWaiting", waiting)
                        : texts.get("guests.sheets.notSetUp");
            default -> texts.get("guests.sheets", sheets.state()) + last + error;
        };
    }

    private Optional<GuestRow> find(long id) {
        return rows.stream().filter(row -> row.id() == id).findFirst();
    }

    /** The form's edits nobody saved: the shell asks before leaving the screen, this screen before another guest. */
    public dev.concierge.console.UnsavedChanges unsaved() {
        return unsaved;
    }

    /**
     * A guest chosen in the table: with the form open for another guest, the form closes, asking first when it holds
     * edits (then the guest being edited stays selected until the answer).
     */
    public void choose(GuestRow row) {
        GuestForm open = form.get();
        if (open != null && open.contactId() != row.id()) {
            unsaved.whenDiscarded(() -> {
                form.set(null);
                selected.set(row);
            });
            return;
        }
        selected.set(row);
    }

    /** Selects the guest with {@code id} if the table shows them. */
    public void select(long id) {
        find(id).ifPresent(selected::set);
    }

    // --- their history ---

    private void loadActivity() {
        GuestRow row = selected.get();
        if (row == null) {
            activityText.set("");
            return;
        }
        if (activity.get() == null) {
            activityText.set(texts.get("guests.lookingUp"));
        }
        long id = row.id();
        calls.call(
                () -> api.activity(id),
                answer -> {
                    GuestRow now = selected.get();
                    if (now != null && now.id() == id) {
                        if (!answer.equals(activity.get())) {
                            activity.set(answer);
                        }
                        activityText.set("");
                    }
                },
                why -> {
                    GuestRow now = selected.get();
                    if (now != null && now.id() == id) {
                        activityText.set(texts.get("guests.activityNotLoaded", why));
                    }
                });
    }

    /** "MR-7KQ2 · 60-minute massage · confirmed" over "Tue 10 Mar 2026, 10:00–11:00 · 2 people". */
    String bookingLine(BookingView booking) {
        String what = booking.serviceId() != null
                ? catalogue.serviceName(booking.serviceId())
                : catalogue.roomName(booking.roomTypeId() == null ? "room" : booking.roomTypeId());
        String when = "room".equals(booking.kind())
                ? shortDay.format(booking.start().toLocalDate()) + " → "
                        + dayFormat.format(booking.end().toLocalDate())
                : dayFormat.format(booking.start().atZoneSameInstant(zone)) + ", "
                        + Formats.time(booking.start().atZoneSameInstant(zone).toLocalTime()) + "–"
                        + Formats.time(booking.end().atZoneSameInstant(zone).toLocalTime());
        String people = texts.get("count.people", booking.partySize());
        return booking.reference() + " · " + what + " · " + texts.word("booking.status", booking.status()) + "\n"
                + when + " · "
                + people;
    }

    /** "OR-4F2A · delivered · 31.40 EUR" over "2 × Club sandwich, 1 × Coffee · 10 Mar 2026, 09:05". */
    String orderLine(OrderView order) {
        String items = order.items().stream()
                .map(item -> item.quantity() + " × " + item.name())
                .collect(Collectors.joining(", "));
        return order.reference() + " · " + texts.word("order.status", order.status()) + " · "
                + Formats.money(order.total(), texts.locale()) + "\n"
                + items + " · " + GuestRow.when(order.createdAt(), zone, texts);
    }

    /** "kiosk · waiting for a person · 10 Mar 2026, 09:00" over the last message. */
    String conversationLine(ConversationSummary conversation) {
        String status = switch (conversation.status()) {
            case "open" -> texts.get("guests.conversation.open");
            case "handoff" -> texts.get("guests.conversation.handoff");
            case "closed" -> texts.get("guests.conversation.closed");
            default -> Formats.words(conversation.status());
        };
        String last =
                conversation.lastMessage() == null || conversation.lastMessage().isBlank()
                        ? texts.get("today.noMessage")
                        : "“" + conversation.lastMessage().strip() + "”";
        return texts.word("source", conversation.channel()) + " · " + status + " · "
                + GuestRow.when(conversation.lastMessageAt(), zone, texts) + "\n" + last;
    }

    // --- merging a duplicate ---

    /** Opens the choice of the duplicate to merge into the selected guest: those of the same name first. */
    public void startMerge() {
        GuestRow row = selectedOrSay();
        if (row == null) {
            return;
        }
        unsaved.whenDiscarded(() -> {
            feedback.clear();
            form.set(null);
            choosingDuplicate.set(true);
            mergeQuery.set(
                    row.contact().name() == null ? "" : row.contact().name().strip());
            listCandidates();
        });
    }

    private void listCandidates() {
        GuestRow kept = selected.get();
        if (!choosingDuplicate.get() || kept == null) {
            return;
        }
        String wanted = mergeQuery.get().strip();
        calls.call(
                () -> api.contacts(wanted),
                contacts -> {
                    GuestRow now = selected.get();
                    if (choosingDuplicate.get()
                            && now != null
                            && now.id() == kept.id()
                            && wanted.equals(mergeQuery.get().strip())) {
                        candidates.setAll(contacts.stream()
                                .filter(contact -> contact.id() != kept.id())
                                .map(contact -> GuestRow.of(contact, zone, texts))
                                .toList());
                    }
                },
                feedback::failed);
    }

    /** "Lena Berg · lena.b@example.com · +34600111222 · since 9 Mar 2026": enough to tell two of a name apart. */
    String candidateLine(GuestRow row) {
        return row.name() + " · " + row.email() + " · " + row.phone() + " · "
                + texts.get(
                        "guests.since",
                        dayFormat.format(row.contact().createdAt().atZone(zone)));
    }

    /** Asks to confirm that {@code duplicate} is the selected guest twice ({@link #confirmMerge}). */
    public void pickDuplicate(GuestRow duplicate) {
        GuestRow kept = selected.get();
        if (kept == null || duplicate.id() == kept.id()) {
            return;
        }
        mergingDuplicate.set(duplicate);
    }

    /** The sentence of the merge's confirmation: what happens to whom. */
    public String mergeQuestion() {
        GuestRow kept = selected.get();
        GuestRow duplicate = mergingDuplicate.get();
        if (kept == null || duplicate == null) {
            return "";
        }
        return texts.get("guests.mergeQuestion", candidateLine(duplicate), kept.name(), kept.email());
    }

    public void confirmMerge() {
        GuestRow kept = selected.get();
        GuestRow duplicate = mergingDuplicate.get();
        mergingDuplicate.set(null);
        if (kept == null || duplicate == null) {
            return;
        }
        calls.call(
                () -> api.merge(kept.id(), duplicate.id()),
                contact -> {
                    rows.removeIf(row -> row.id() == duplicate.id());
                    closeMerge();
                    String keptName = GuestRow.nameOf(contact, texts);
                    changed(
                            contact,
                            duplicate.name().equals(keptName)
                                    ? texts.get("guests.mergedSame", keptName)
                                    : texts.get("guests.merged", duplicate.name(), keptName));
                    loadActivity();
                },
                feedback::failed);
    }

    /** Keeps both guests: the confirmation closes, the choice stays open. */
    public void keepBoth() {
        mergingDuplicate.set(null);
    }

    public void closeMerge() {
        choosingDuplicate.set(false);
        mergingDuplicate.set(null);
        candidates.clear();
    }

    // --- edit and consent ---

    /** Opens the form to change the selected guest. */
    public void editSelected() {
        GuestRow row = selectedOrSay();
        if (row == null) {
            return;
        }
        unsaved.whenDiscarded(() -> {
            feedback.clear();
            closeMerge();
            form.set(new GuestForm(texts, row.contact(), api, calls, this::saved));
        });
    }

    /** Closes the form (Escape, Cancel); with edits in it, asks first. */
    public void closeForm() {
        unsaved.whenDiscarded(() -> form.set(null));
    }

    private void saved(Contact contact) {
        GuestForm open = form.get();
        boolean changed = open == null
                || find(contact.id()).map(row -> !row.contact().equals(contact)).orElse(true);
        form.set(null);
        changed(
                contact,
                changed
                        ? texts.get("guests.saved", GuestRow.nameOf(contact, texts))
                        : texts.get("guests.nothingChanged"));
    }

    /** Records the guest's yes to being contacted (or its withdrawal): the server keeps the time and the channel. */
    public void recordConsent(boolean given) {
        GuestRow row = selectedOrSay();
        if (row == null) {
            return;
        }
        feedback.clear();
        String name = GuestRow.nameOf(row.contact(), texts);
        calls.call(
                () -> api.update(row.id(), new ContactUpdate(null, null, null, null, null, null, given)),
                contact -> changed(contact, texts.get(given ? "guests.consentGiven" : "guests.consentWithdrawn", name)),
                feedback::failed);
    }

    private void changed(Contact contact, String success) {
        GuestRow updated = GuestRow.of(contact, zone, texts);
        boolean wasSelected = selected.get() != null && selected.get().id() == updated.id();
        find(updated.id()).ifPresent(old -> rows.set(rows.indexOf(old), updated));
        if (wasSelected) {
            selected.set(updated);
        }
        feedback.done(success);
        refresh();
    }

    // --- erasure (GDPR) ---

    /** Asks to erase the selected guest: the person types the guest's name first ({@link #confirmErase}). */
    public void askToErase() {
        GuestRow row = selectedOrSay();
        if (row == null) {
            return;
        }
        if (!manager) {
            feedback.failed(texts.get("guests.eraseRole"));
            return;
        }
        feedback.clear();
        eraseTyped.set("");
        erasing.set(row);
    }

    /** The erasure's question: what goes, what stays, and that it cannot be undone. */
    public String eraseQuestion() {
        GuestRow row = erasing.get();
        if (row == null) {
            return "";
        }
        boolean sheets =
                !syncState.get().equals("not_configured") && !syncState.get().isEmpty();
        return texts.get(sheets ? "guests.eraseQuestion.sheets" : "guests.eraseQuestion", row.name());
    }

    /** What the person must type to erase: the guest's name, or {@code erase} for a guest without one. */
    public String eraseWord() {
        GuestRow row = erasing.get();
        return row == null
                        || row.contact().name() == null
                        || row.contact().name().isBlank()
                ? texts.get("guests.eraseWord")
                : row.contact().name().strip();
    }

    private boolean typedMatches() {
        return erasing.get() != null
                && eraseTyped
                        .get()
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .equals(eraseWord().toLowerCase(Locale.ROOT));
    }

    /** Erases the guest being asked about, once their name is typed. */
    public void confirmErase() {
        GuestRow row = erasing.get();
        if (row == null) {
            return;
        }
        if (!typedMatches()) {
            feedback.failed(texts.get("guests.typeToErase", eraseWord()));
            return;
        }
        erasing.set(null);
        eraseTyped.set("");
        String name = GuestRow.nameOf(row.contact(), texts);
        calls.run(
                () -> api.erase(row.id()),
                () -> {
                    rows.removeIf(old -> old.id() == row.id());
                    if (selected.get() != null && selected.get().id() == row.id()) {
                        selected.set(null);
                    }
                    form.set(null);
                    feedback.done(texts.get("guests.erased", name));
                    refresh();
                },
                feedback::failed);
    }

    public void keepGuest() {
        erasing.set(null);
        eraseTyped.set("");
        feedback.clear();
    }

    // --- exports (managers) ---

    /** The spreadsheet's name, as the server names it: {@code contacts-2026-03-10.xlsx}. */
    public String contactsFileName() {
        return "contacts-" + LocalDate.now(zone) + ".xlsx";
    }

    /** Saves every guest as the server's spreadsheet ({@code GET /api/staff/contacts/export.xlsx}) into {@code target}. */
    public void exportContacts(Path target) {
        if (!manager) {
            feedback.failed(texts.get("guests.exportRole"));
            return;
        }
        feedback.clear();
        exports.start("/api/staff/contacts/export.xlsx", target);
    }

    /** The name of the selected guest's file: {@code personal-data-lena-berg.json}. */
    public String personalDataFileName() {
        GuestRow row = selected.get();
        String name =
                row == null || row.contact().name() == null ? "" : row.contact().name();
        String slug = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return "personal-data-" + (slug.isEmpty() ? "guest-" + (row == null ? 0 : row.id()) : slug) + ".json";
    }

    /**
     * Saves everything the venue holds about the selected guest (GDPR access: {@code GET /api/staff/contacts/{id}/export},
     * JSON) into {@code target}.
     */
    public void exportPersonalData(Path target) {
        GuestRow row = selectedOrSay();
        if (row == null) {
            return;
        }
        if (!manager) {
            feedback.failed(texts.get("guests.personalDataRole"));
            return;
        }
        feedback.clear();
        exports.start("/api/staff/contacts/" + row.id() + "/export", target);
    }

    /** The export under way or just done: its progress, the file saved, or why it was not. */
    public FileExport exports() {
        return exports;
    }

    private @Nullable GuestRow selectedOrSay() {
        GuestRow row = selected.get();
        if (row == null) {
            feedback.failed(texts.get("guests.selectFirst"));
        }
        return row;
    }

    // --- for the view ---

    String consentLine(Contact contact) {
        return GuestRow.consentLine(contact, zone, texts);
    }

    String created(Contact contact) {
        return texts.get(
                "guests.created",
                GuestRow.when(contact.createdAt(), zone, texts),
                GuestRow.channel(contact.source(), texts));
    }

    public Texts texts() {
        return texts;
    }

    // --- properties ---

    /** Whether the signed-in role may export and erase (manager and owner). */
    public boolean manager() {
        return manager;
    }

    public ObservableList<GuestRow> rows() {
        return rows;
    }

    /** The search: name, e-mail or phone; each change asks the server a moment after the typing stops. */
    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<@Nullable GuestRow> selectedProperty() {
        return selected;
    }

    public @Nullable GuestRow getSelected() {
        return selected.get();
    }

    /** The selected guest's bookings, orders and conversations; null until they are loaded. */
    public ReadOnlyObjectProperty<@Nullable ContactActivity> activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public @Nullable ContactActivity getActivity() {
        return activity.get();
    }

    /** Why the history is not shown (loading, or it could not be loaded); empty once it is. */
    public ReadOnlyStringProperty activityTextProperty() {
        return activityText.getReadOnlyProperty();
    }

    /** Whether the choice of a duplicate to merge in is open. */
    public ReadOnlyBooleanProperty choosingDuplicateProperty() {
        return choosingDuplicate.getReadOnlyProperty();
    }

    /** The choice's own search, the selected guest's name to start with. */
    public StringProperty mergeQueryProperty() {
        return mergeQuery;
    }

    /** The guests the search of the choice found, the selected guest left out. */
    public ObservableList<GuestRow> candidates() {
        return candidates;
    }

    /** The duplicate whose merge awaits its confirmation. */
    public ReadOnlyObjectProperty<@Nullable GuestRow> mergingDuplicateProperty() {
        return mergingDuplicate.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable GuestForm> formProperty() {
        return form.getReadOnlyProperty();
    }

    public @Nullable GuestForm getForm() {
        return form.get();
    }

    public ReadOnlyObjectProperty<@Nullable GuestRow> erasingProperty() {
        return erasing.getReadOnlyProperty();
    }

    /** What the person typed to confirm the erasure. */
    public StringProperty eraseTypedProperty() {
        return eraseTyped;
    }

    /** Whether what was typed is the guest's name, so the erasure may go ahead. */
    public ReadOnlyBooleanProperty eraseConfirmedProperty() {
        return eraseConfirmed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty syncProperty() {
        return sync.getReadOnlyProperty();
    }

    public String getSync() {
        return sync.get();
    }

    /** The Sheets connector's state: {@code ok}, {@code retrying}, {@code failing}, {@code not_configured}. */
    public ReadOnlyStringProperty syncStateProperty() {
        return syncState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return feedback.noticeProperty();
    }

    public String getNotice() {
        return feedback.noticeProperty().get();
    }

    public ReadOnlyStringProperty problemProperty() {
        return feedback.problemProperty();
    }

    public String getProblem() {
        return feedback.problemProperty().get();
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }
}
