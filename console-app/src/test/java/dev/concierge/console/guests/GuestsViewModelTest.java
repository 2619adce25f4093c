package dev.concierge.console.guests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.BookingView;
import dev.concierge.api.Contact;
import dev.concierge.api.ContactActivity;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.ContactUpdate;
import dev.concierge.api.ConversationSummary;
import dev.concierge.api.Money;
import dev.concierge.api.OrderView;
import dev.concierge.api.SyncStatus;
import dev.concierge.console.Catalogue;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.TestVenues;
import dev.concierge.console.files.FileExport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class GuestsViewModelTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Instant MARCH_12_1402 = Instant.parse("2026-03-12T13:02:00Z");

    private final FakeGuests server = new FakeGuests();
    private final ServerCalls calls = new ServerCalls(Runnable::run, Runnable::run, () -> {});
    private final List<Runnable> later = new ArrayList<>();
    private final List<String> downloads = new ArrayList<>();
    private final FileExport exports = new FileExport(
            (path, target, received) -> {
                downloads.add(path + " -> " + target.getFileName());
                return 2048;
            },
            calls);

    @Test
    void eachGuestIsWrittenForAPersonWithTheConsentInWords() {
        server.add(contact(1, "Lena Berg", "lena@example.com", "+34600111222", "es", true, MARCH_12_1402, "console"));
        server.add(contact(2, "Tom Reed", null, "+447700900123", null, false, null, null));
        server.add(contact(3, "Mia Costa", "mia@example.com", null, "en", false, MARCH_12_1402, "web"));
        GuestsViewModel model = model(false);

        model.refresh();

        GuestRow lena = row(model, 1);
        assertEquals("Lena Berg", lena.name());
        assertEquals("lena@example.com", lena.email());
        assertEquals("Spanish", lena.language());
        assertEquals("given", lena.consent());
        assertEquals("web", lena.source());
        assertEquals("10 Mar 2026, 10:00", lena.updated(), "09:00 UTC is 10:00 in Madrid");
        assertEquals("—", row(model, 2).email());
        assertEquals("—", row(model, 2).language());
        assertEquals("not given", row(model, 2).consent());
        assertEquals("withdrawn", row(model, 3).consent());
        assertEquals("Consent given 12 Mar 2026, 14:02 at the desk", model.consentLine(lena.contact()));
        assertEquals(
                "Consent withdrawn 12 Mar 2026, 14:02 on the website",
                model.consentLine(row(model, 3).contact()));
        assertEquals("No consent recorded", model.consentLine(row(model, 2).contact()));
    }

    @Test
    void theSearchAsksOnceTheTypingPausesAndOnlyForWhatIsTypedThen() {
        server.add(contact(1, "Lena Berg", "lena@example.com", null, null, false, null, null));
        server.add(contact(2, "Tom Reed", "tom@example.com", null, null, false, null, null));
        GuestsViewModel model = model(false);
        model.refresh();
        server.queries.clear();

        model.queryProperty().set("l");
        model.queryProperty().set("le");
        model.queryProperty().set("len");
        assertTrue(server.queries.isEmpty(), "nothing is asked while the person types");
        List.copyOf(later).forEach(Runnable::run);

        assertEquals(List.of("len"), server.queries, "one question, for what was typed last");
        assertEquals(List.of("Lena Berg"), names(model));
    }

    @Test
    void theSelectedGuestShowsTheirHistoryAndARefreshKeepsThemSelected() {
        server.add(contact(1, "Lena Berg", "lena@example.com", null, null, false, null, null));
        server.add(contact(2, "Tom Reed", "tom@example.com", null, null, false, null, null));
        server.activity.put(
                1L,
                new ContactActivity(
                        1,
                        List.of(booking(5, "MR-MASS", 1)),
                        List.of(order(7, "MR-ORDR", 1)),
                        List.of(new ConversationSummary(
                                "c-1",
                                "kiosk",
                                "handoff",
                                "en",
                                Instant.parse("2026-03-10T08:30:00Z"),
                                "Can someone call me?",
                                1L))));
        GuestsViewModel model = model(false);
        model.refresh();

        model.select(1);
        ContactActivity activity = model.getActivity();
        assertNotNull(activity);
        assertEquals(
                "MR-MASS · 60-minute massage · confirmed\nTue 10 Mar 2026, 10:00–11:00 · 2 people",
                model.bookingLine(activity.bookings().get(0)));
        assertEquals(
                "MR-ORDR · delivered · 31.40 EUR\n2 × Club sandwich, 1 × Coffee · 10 Mar 2026, 10:05",
                model.orderLine(activity.orders().get(0)));
        assertEquals(
                "kiosk · waiting for a person · 10 Mar 2026, 09:30\n“Can someone call me?”",
                model.conversationLine(activity.conversations().get(0)));

        server.add(contact(3, "Mia Costa", "mia@example.com", null, null, false, null, null));
        model.refresh();
        GuestRow selected = model.getSelected();
        assertEquals(1L, selected == null ? null : selected.id());
        assertEquals(3, model.rows().size());
    }

    @Test
    void theFormSendsOnlyWhatChangedAndShowsTheRefusedFieldsBesideThem() {
        server.add(contact(1, "Lena Berg", "lena@example.com", "+34600111222", "en", false, null, null));
        GuestsViewModel model = model(false);
        model.refresh();
        model.select(1);

        model.editSelected();
        GuestForm form = model.getForm();
        assertNotNull(form);
        form.emailProperty().set("not an address");
        form.save();
        assertEquals("email is not an e-mail address", form.error("email"), "checked before it is sent");
        assertTrue(server.updates.isEmpty());

        form.emailProperty().set("lena@example.com");
        form.phoneProperty().set("12");
        form.save();
        assertEquals("phone is not a phone number", form.error("phone"), "the server's 400, beside the field");
        assertEquals("Check the fields marked below.", form.getProblem());

        form.phoneProperty().set("+34600111222");
        form.languageProperty().set("es");
        form.notesProperty().set("Prefers the late slot");
        form.save();
        ContactUpdate sent = server.updates.get(server.updates.size() - 1);
        assertNull(sent.name(), "the name did not change: left out");
        assertNull(sent.email());
        assertEquals("es", sent.language());
        assertEquals("Prefers the late slot", sent.notes());
        assertNull(model.getForm(), "saved: the form closes");
        assertEquals("Saved Lena Berg.", model.getNotice());
        assertEquals("Spanish", row(model, 1).language());
    }

    @Test
    void anotherGuestChosenOverAnEditedFormAsksAndKeepEditingKeepsTheEdit() {
        server.add(contact(1, "Lena Berg", "lena@example.com", null, "en", false, null, null));
        server.add(contact(2, "Mia Costa", "mia@example.com", null, "en", false, null, null));
        GuestsViewModel model = model(false);
        model.refresh();
        model.select(1);
        model.editSelected();
        GuestForm form = model.getForm();
        assertNotNull(form);
        form.notesProperty().set("  ");
        assertFalse(model.unsaved().isChanged(), "spaces alone change nothing");
        form.notesProperty().set("Late check-in");

        model.choose(row(model, 2));
        assertTrue(model.unsaved().isAsking());
        model.unsaved().keepEditing();

        assertEquals(1, model.selectedProperty().get().id(), "the guest being edited stays selected");
        assertEquals("Late check-in", model.getForm().notesProperty().get());

        model.choose(row(model, 2));
        model.unsaved().discard();

        assertNull(model.getForm());
        assertEquals(2, model.selectedProperty().get().id());
        assertTrue(server.updates.isEmpty(), "nothing was sent");
    }

    @Test
    void anotherGuestsEmailIsRefusedWithTheAdviceToMerge() {
        server.add(contact(1, "Lena Berg", "lena@example.com", null, null, false, null, null));
        server.add(contact(2, "Lena B.", "lena.b@example.com", null, null, false, null, null));
        GuestsViewModel model = model(false);
        model.refresh();
        model.select(2);
        model.editSelected();
        GuestForm form = model.getForm();
        assertNotNull(form);

        form.emailProperty().set("lena@example.com");
        form.save();

        assertEquals(
                "Another contact has that e-mail address: it is the same guest twice. Close this and merge the two"
                        + " guests instead (M).",
                form.getProblem());
    }

    @Test
    void consentIsGivenAndWithdrawnAsItsOwnAction() {
        server.add(contact(1, "Lena Berg", "lena@example.com", null, null, false, null, null));
        GuestsViewModel model = model(false);
        model.refresh();
        model.select(1);

        model.recordConsent(true);
        assertEquals(true, server.updates.get(0).consent());
        assertNull(server.updates.get(0).name(), "only the consent is sent");
        assertEquals("given", row(model, 1).consent());
        assertEquals(
                "Consent given 12 Mar 2026, 14:02 at the desk",
                model.consentLine(row(model, 1).contact()));
        assertEquals("Lena Berg gave consent to be contacted.", model.getNotice());

        model.recordConsent(false);
        assertEquals("withdrawn", row(model, 1).consent());
    }

    @Test
    void onlyAManagerErasesAndOnlyOnceTheGuestsNameIsTyped() {
        server.add(contact(1, "Lena Berg", "lena@example.com", null, null, false, null, null));
        GuestsViewModel desk = model(false);
        desk.refresh();
        desk.select(1);
        desk.askToErase();
        assertNull(desk.erasingProperty().get());
        assertEquals("Only a manager or the owner can erase a guest.", desk.getProblem());

        GuestsViewModel manager = model(true);
        manager.refresh();
        manager.select(1);
        manager.askToErase();
        assertEquals("Lena Berg", manager.eraseWord());
        assertEquals(
                "Erase Lena Berg for good? Their name, e-mail, phone, notes and what they said in conversations are"
                        + " erased; their bookings and orders stay, without a name. This cannot be undone.",
                manager.eraseQuestion(),
                "no word of Google Sheets where it is not set up");
        manager.eraseTypedProperty().set("Lena");
        assertFalse(manager.eraseConfirmedProperty().get());
        manager.confirmErase();
        assertTrue(server.erased.isEmpty(), "half a name erases nobody");
        assertEquals("Type Lena Berg to erase them, or Escape to keep them.", manager.getProblem());
        manager.eraseTypedProperty().set("Lena B");
        assertEquals("", manager.getProblem(), "answered by typing");
        manager.keepGuest();
        assertNull(manager.erasingProperty().get());

        manager.askToErase();
        assertEquals("", manager.eraseTypedProperty().get(), "asked again, typed again");
        manager.eraseTypedProperty().set(" lena berg ");
        assertTrue(manager.eraseConfirmedProperty().get(), "the name, whatever its case and spaces");
        manager.confirmErase();

        assertEquals(List.of(1L), server.erased);
        assertTrue(manager.rows().isEmpty(), "gone from the table");
        assertNull(manager.getSelected());
        assertTrue(manager.getNotice().startsWith("Lena Berg is erased"), manager.getNotice());
    }

    @Test
    void aDuplicateIsChosenAmongTheSameNameConfirmedThenTheTwoAreOne() {
        server.add(contact(1, "Lena Berg", "lena@example.com", null, null, false, null, null));
        server.add(contact(2, "Lena Berg", null, "+34600111222", null, true, MARCH_12_1402, "kiosk"));
        server.add(contact(3, "Tom Reed", "tom@example.com", null, null, false, null, null));
        GuestsViewModel model = model(false);
        model.refresh();
        model.select(1);

        model.startMerge();
        assertTrue(model.choosingDuplicateProperty().get());
        assertEquals("Lena Berg", model.mergeQueryProperty().get());
        assertEquals(List.of(2L), model.candidates().stream().map(GuestRow::id).toList(), "not the guest kept");
        model.pickDuplicate(model.candidates().get(0));
        assertTrue(
                model.mergeQuestion()
                        .startsWith("Merge Lena Berg · — · +34600111222 · since Tue 10 Mar 2026 into Lena Berg"
                                + " (lena@example.com)? The duplicate's bookings, orders and conversations move"),
                model.mergeQuestion());
        model.keepBoth();
        assertTrue(server.merges.isEmpty(), "Keep both merges nothing");

        model.pickDuplicate(model.candidates().get(0));
        model.confirmMerge();

        assertEquals(List.of("1<-2"), server.merges);
        assertEquals(List.of("Lena Berg", "Tom Reed"), names(model));
        GuestRow kept = row(model, 1);
        assertEquals("+34600111222", kept.phone(), "filled in from the duplicate");
        assertFalse(model.choosingDuplicateProperty().get());
        assertEquals(
                "The two Lena Berg contacts are one guest now, with all their bookings, orders and conversations.",
                model.getNotice());
    }

    @Test
    void aManagerExportsTheSpreadsheetAndAGuestsPersonalDataTheFrontDeskNeither() {
        server.add(contact(1, "Lena Bérg", "lena@example.com", null, null, false, null, null));
        GuestsViewModel desk = model(false);
        desk.refresh();
        desk.select(1);
        desk.exportContacts(Path.of("contacts.xlsx"));
        assertEquals("Only a manager or the owner can export the guests.", desk.getProblem());
        desk.exportPersonalData(Path.of("lena.json"));
        assertTrue(downloads.isEmpty());

        GuestsViewModel manager = model(true);
        manager.refresh();
        manager.select(1);
        assertTrue(manager.contactsFileName().matches("contacts-\\d{4}-\\d{2}-\\d{2}\\.xlsx"));
        assertEquals("personal-data-lena-berg.json", manager.personalDataFileName(), "a plain file name");
        manager.exportContacts(Path.of("contacts.xlsx"));
        manager.exportPersonalData(Path.of("personal-data-lena-berg.json"));

        assertEquals(
                List.of(
                        "/api/staff/contacts/export.xlsx -> contacts.xlsx",
                        "/api/staff/contacts/1/export -> personal-data-lena-berg.json"),
                downloads);
        assertEquals(
                "Saved 2 KB to personal-data-lena-berg.json",
                manager.exports().progressProperty().get());
    }

    @Test
    void theSheetsLineSaysHowTheCopyKeepsUpInWords() {
        GuestsViewModel model = model(false);
        model.refresh();
        assertEquals("Google Sheets is not set up.", model.getSync());

        server.sheets = sheets("ok", 0, 0, Instant.parse("2026-03-10T08:00:00Z"), null);
        model.refresh();
        assertEquals("Google Sheets: up to date · last copied 10 Mar 2026, 09:00", model.getSync());
        assertEquals("ok", model.syncStateProperty().get());

        server.sheets = sheets("retrying", 3, 0, null, "HTTP 503");
        model.refresh();
        assertEquals(
                "Google Sheets: retrying, 3 changes waiting · nothing copied yet · last error: HTTP 503",
                model.getSync());

        server.sheets = sheets("failing", 1, 2, null, "HTTP 403");
        model.refresh();
        assertEquals(
                "Google Sheets: failing, 2 not copied (see Sync, Ctrl+8) · nothing copied yet · last error: HTTP 403",
                model.getSync());
    }

    private GuestsViewModel model(boolean manager) {
        return new GuestsViewModel(
                dev.concierge.console.Texts.english(),
                server,
                MADRID,
                new Catalogue(TestVenues.miramar(OffsetDateTime.parse("2026-03-10T09:00:00+01:00"))),
                manager,
                calls,
                (Duration wait, Runnable task) -> later.add(task),
                exports);
    }

    private static GuestRow row(GuestsViewModel model, long id) {
        return model.rows().stream()
                .filter(row -> row.id() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + id));
    }

    private static List<String> names(GuestsViewModel model) {
        return model.rows().stream().map(GuestRow::name).toList();
    }

    private static SyncStatus.Connector sheets(
            String state, int pending, int dead, @Nullable Instant delivered, @Nullable String error) {
        return new SyncStatus.Connector("google-sheets", state, pending, dead, null, delivered, error);
    }

    static Contact contact(
            long id,
            String name,
            @Nullable String email,
            @Nullable String phone,
            @Nullable String language,
            boolean consent,
            @Nullable Instant consentAt,
            @Nullable String consentSource) {
        Instant created = Instant.parse("2026-03-10T09:00:00Z");
        return new Contact(
                id,
                name,
                email,
                phone,
                language,
                null,
                null,
                consent,
                consentAt,
                consentSource,
                "web",
                created,
                created);
    }

    private static BookingView booking(long id, String reference, long contactId) {
        return new BookingView(
                id,
                reference,
                "service",
                "massage-60",
                null,
                OffsetDateTime.parse("2026-03-10T10:00:00+01:00"),
                OffsetDateTime.parse("2026-03-10T11:00:00+01:00"),
                2,
                "confirmed",
                new ContactDetails("Lena Berg", "lena@example.com", null),
                null,
                "console",
                Instant.parse("2026-03-09T09:00:00Z"),
                null,
                contactId,
                null);
    }

    private static OrderView order(long id, String reference, long contactId) {
        return new OrderView(
                id,
                reference,
                List.of(
                        new OrderView.Item("club-sandwich", "Club sandwich", 2, new Money(1450, "EUR")),
                        new OrderView.Item("coffee", "Coffee", 1, new Money(240, "EUR"))),
                new Money(3140, "EUR"),
                "delivered",
                new OrderView.Payment("room", "paid", null),
                "107",
                null,
                null,
                null,
                "console",
                Instant.parse("2026-03-10T09:05:00Z"),
                contactId,
                null);
    }

    /** The server's contact rules as far as the screen needs them. */
    private static final class FakeGuests implements GuestsApi {
        final Map<Long, Contact> contacts = new LinkedHashMap<>();
        final Map<Long, ContactActivity> activity = new LinkedHashMap<>();
        final List<String> queries = new ArrayList<>();
        final List<ContactUpdate> updates = new ArrayList<>();
        final List<Long> erased = new ArrayList<>();
        final List<String> merges = new ArrayList<>();

        SyncStatus.@Nullable Connector sheets;

        void add(Contact contact) {
            contacts.put(contact.id(), contact);
        }

        @Override
        public List<Contact> contacts(String query) {
            queries.add(query);
            String q = query.toLowerCase(Locale.ROOT);
            return contacts.values().stream()
                    .filter(contact -> contact.name().toLowerCase(Locale.ROOT).contains(q)
                            || (contact.email() != null && contact.email().contains(q)))
                    .toList();
        }

        @Override
        public ContactActivity activity(long id) {
            return activity.getOrDefault(id, new ContactActivity(id, List.of(), List.of(), List.of()));
        }

        @Override
        public Contact merge(long keptId, long duplicateId) {
            merges.add(keptId + "<-" + duplicateId);
            Contact kept = contacts.get(keptId);
            Contact duplicate = contacts.remove(duplicateId);
            Contact merged = new Contact(
                    kept.id(),
                    kept.name(),
                    kept.email() != null ? kept.email() : duplicate.email(),
                    kept.phone() != null ? kept.phone() : duplicate.phone(),
                    kept.language(),
                    kept.intent(),
                    kept.notes(),
                    kept.consent() || duplicate.consent(),
                    kept.consentAt() != null ? kept.consentAt() : duplicate.consentAt(),
                    kept.consentSource() != null ? kept.consentSource() : duplicate.consentSource(),
                    kept.source(),
                    kept.createdAt(),
                    MARCH_12_1402);
            contacts.put(keptId, merged);
            return merged;
        }

        @Override
        public Contact update(long id, ContactUpdate update) {
            if (update.phone() != null && update.phone().replaceAll("\\D", "").length() < 6) {
                throw new ApiException(
                        400,
                        ApiError.withFields(
                                "invalid_fields", "Check the fields.", Map.of("phone", "is not a phone number")));
            }
            if (update.email() != null
                    && contacts.values().stream()
                            .anyMatch(
                                    other -> other.id() != id && update.email().equals(other.email()))) {
                throw new ApiException(
                        409,
                        ApiError.of(
                                "duplicate_contact",
                                "Another contact has that e-mail address: it is the same guest twice."));
            }
            updates.add(update);
            Contact c = contacts.get(id);
            boolean consent = update.consent() != null ? update.consent() : c.consent();
            boolean consentChanged = update.consent() != null && update.consent() != c.consent();
            Contact changed = new Contact(
                    id,
                    update.name() != null ? update.name() : c.name(),
                    update.email() != null ? update.email() : c.email(),
                    update.phone() != null ? update.phone() : c.phone(),
                    update.language() != null ? update.language() : c.language(),
                    update.intent() != null ? update.intent() : c.intent(),
                    update.notes() != null ? update.notes() : c.notes(),
                    consent,
                    consentChanged ? MARCH_12_1402 : c.consentAt(),
                    consentChanged ? "console" : c.consentSource(),
                    c.source(),
                    c.createdAt(),
                    MARCH_12_1402);
            contacts.put(id, changed);
            return changed;
        }

        @Override
        public void erase(long id) {
            erased.add(id);
            contacts.remove(id); // erased guests leave the search
        }

        @Override
        public SyncStatus sync() {
            return new SyncStatus(sheets == null ? List.of() : List.of(sheets), List.of());
        }
    }
}
