package dev.concierge.console.guests;

import dev.concierge.api.Contact;
import dev.concierge.api.ContactUpdate;
import dev.concierge.api.SyncStatus;
import dev.concierge.console.ServerCalls;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * the selected guest's details, edits and consent; a manager also erases a guest (after typing their name) and
 * exports; a line says how the Google Sheets copy keeps up.
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

    private final GuestsApi api;
    private final ZoneId zone;
    private final boolean manager;
    private final ServerCalls calls;
    private final Later later;

    private final ObservableList<GuestRow> rows = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<@Nullable GuestRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<@Nullable GuestForm> form = new ReadOnlyObjectWrapper<>(this, "form");
    private final ReadOnlyObjectWrapper<@Nullable GuestRow> erasing = new ReadOnlyObjectWrapper<>(this, "erasing");
    private final StringProperty eraseTyped = new SimpleStringProperty(this, "eraseTyped", "");
    private final ReadOnlyBooleanWrapper eraseConfirmed = new ReadOnlyBooleanWrapper(this, "eraseConfirmed");
    private final ReadOnlyStringWrapper sync = new ReadOnlyStringWrapper(this, "sync", "");
    private final ReadOnlyStringWrapper syncState = new ReadOnlyStringWrapper(this, "syncState", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing");
    private boolean askAgain;
    private long typed;

    /**
     * @param manager whether the signed-in role is a manager or the owner: the GDPR export and erasure and the
     *     spreadsheet export are theirs (the server refuses the front desk)
     * @param later the search's pause after typing
     */
    public GuestsViewModel(GuestsApi api, ZoneId zone, boolean manager, ServerCalls calls, Later later) {
        this.api = api;
        this.zone = zone;
        this.manager = manager;
        this.calls = calls;
        this.later = later;
        query.addListener((observable, before, now) -> searchSoon());
        eraseTyped.addListener((observable, before, now) -> eraseConfirmed.set(typedMatches()));
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
            problem.set("The guests could not be loaded: " + why);
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
            line = sheets.map(this::syncLine).orElse("Google Sheets is not set up.");
            state = sheets.map(SyncStatus.Connector::state).orElse("not_configured");
        } catch (RuntimeException e) {
            line = "How Google Sheets keeps up could not be read: " + ServerCalls.plainWords(e);
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
                    .filter(contact -> !GuestRow.erased(contact))
                    .map(contact -> GuestRow.of(contact, zone))
                    .toList();
            if (!rows.equals(fresh)) {
                rows.setAll(fresh);
            }
            selected.set(keep == null ? null : find(keep.id()).orElse(null));
            if (problem.get().startsWith("The guests could not be loaded")) {
                problem.set("");
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
        String last = sheets.lastDeliveredAt() == null
                ? " · nothing copied yet"
                : " · last copied " + GuestRow.when(sheets.lastDeliveredAt(), zone);
        String waiting = sheets.pending() == 1 ? "1 change waiting" : sheets.pending() + " changes waiting";
        String error = sheets.lastError() == null ? "" : " · last error: " + sheets.lastError();
        return switch (sheets.state()) {
            case "ok" -> "Google Sheets: " + (sheets.pending() == 0 ? "up to date" : waiting) + last;
            case "retrying" -> "Google Sheets: retrying, " + waiting + last + error;
            case "failing" ->
                "Google Sheets: failing, " + sheets.dead() + " not copied (see Sync, Ctrl+8)" + last + error;
            case "not_configured" ->
                "Google Sheets is not set up" + (sheets.pending() > 0 ? " (" + waiting + " from before)" : "") + ".";
            default -> "Google Sheets: " + sheets.state() + last + error;
        };
    }

    private Optional<GuestRow> find(long id) {
        return rows.stream().filter(row -> row.id() == id).findFirst();
    }

    /** Selects the guest with {@code id} if the table shows them. */
    public void select(long id) {
        find(id).ifPresent(selected::set);
    }

    // --- edit and consent ---

    /** Opens the form to change the selected guest. */
    public void editSelected() {
        GuestRow row = selectedOrSay();
        if (row == null) {
            return;
        }
        notice.set("");
        form.set(new GuestForm(row.contact(), api, calls, this::saved));
    }

    public void closeForm() {
        form.set(null);
    }

    private void saved(Contact contact) {
        GuestForm open = form.get();
        boolean changed = open == null
                || find(contact.id()).map(row -> !row.contact().equals(contact)).orElse(true);
        form.set(null);
        changed(contact, changed ? "Saved " + GuestRow.nameOf(contact) + "." : "Nothing was changed.");
    }

    /** Records the guest's yes to being contacted (or its withdrawal): the server keeps the time and the channel. */
    public void recordConsent(boolean given) {
        GuestRow row = selectedOrSay();
        if (row == null) {
            return;
        }
        notice.set("");
        problem.set("");
        String name = GuestRow.nameOf(row.contact());
        calls.call(
                () -> api.update(row.id(), new ContactUpdate(null, null, null, null, null, null, given)),
                contact ->
                        changed(contact, given ? name + " gave consent to be contacted." : name + " withdrew consent."),
                problem::set);
    }

    private void changed(Contact contact, String success) {
        GuestRow updated = GuestRow.of(contact, zone);
        boolean wasSelected = selected.get() != null && selected.get().id() == updated.id();
        find(updated.id()).ifPresent(old -> rows.set(rows.indexOf(old), updated));
        if (wasSelected) {
            selected.set(updated);
        }
        notice.set(success);
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
            problem.set("Only a manager or the owner can erase a guest.");
            return;
        }
        notice.set("");
        problem.set("");
        eraseTyped.set("");
        erasing.set(row);
    }

    /** What the person must type to erase: the guest's name, or {@code erase} for a guest without one. */
    public String eraseWord() {
        GuestRow row = erasing.get();
        return row == null
                        || row.contact().name() == null
                        || row.contact().name().isBlank()
                ? "erase"
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
            problem.set("Type " + eraseWord() + " to erase them, or Escape to keep them.");
            return;
        }
        erasing.set(null);
        eraseTyped.set("");
        String name = GuestRow.nameOf(row.contact());
        calls.run(
                () -> api.erase(row.id()),
                () -> {
                    rows.removeIf(old -> old.id() == row.id());
                    if (selected.get() != null && selected.get().id() == row.id()) {
                        selected.set(null);
                    }
                    form.set(null);
                    notice.set(name + " is erased: their name, e-mail, phone and what they said are gone.");
                    refresh();
                },
                problem::set);
    }

    public void keepGuest() {
        erasing.set(null);
        eraseTyped.set("");
        problem.set("");
    }

    private @Nullable GuestRow selectedOrSay() {
        GuestRow row = selected.get();
        if (row == null) {
            problem.set("Select a guest first.");
        }
        return row;
    }

    // --- for the view ---

    String consentLine(Contact contact) {
        return GuestRow.consentLine(contact, zone);
    }

    String created(Contact contact) {
        return "Known since " + GuestRow.when(contact.createdAt(), zone) + ", first "
                + GuestRow.channel(contact.source());
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
        return notice.getReadOnlyProperty();
    }

    public String getNotice() {
        return notice.get();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String getProblem() {
        return problem.get();
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }
}
