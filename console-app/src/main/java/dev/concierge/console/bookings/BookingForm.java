package dev.concierge.console.bookings;

import dev.concierge.api.ApiException;
import dev.concierge.api.Availability;
import dev.concierge.api.BookingUpdate;
import dev.concierge.api.BookingView;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.ReservationRequest;
import dev.concierge.api.RoomAvailability;
import dev.concierge.api.TimeRange;
import dev.concierge.console.Formats;
import dev.concierge.console.ServerCalls;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.jspecify.annotations.Nullable;

/**
 * The form that creates a booking (a service slot or a room stay) or changes one. What is free is asked for as the
 * service, day or party change, so a conflict shows before saving; a 409 offers the server's alternatives, one pick
 * books it; a 400's fields are shown next to their fields.
 */
public final class BookingForm {
    /** What a choice of the free list or of the alternatives fills in. */
    public record Choice(
            String text,
            @Nullable LocalTime time,
            @Nullable String roomTypeId,
            @Nullable TimeRange range) {}

    private final DateTimeFormatter shortDay;
    private final dev.concierge.console.Texts texts;
    private final BookingsApi api;
    private final ServerCalls calls;
    private final Catalogue catalogue;
    private final ZoneId zone;
    private final @Nullable BookingView changing;
    private final BiConsumer<BookingView, Boolean> saved;

    private final BooleanProperty stay = new SimpleBooleanProperty(this, "stay");
    private final StringProperty serviceId = new SimpleStringProperty(this, "serviceId", "");
    private final StringProperty roomTypeId = new SimpleStringProperty(this, "roomTypeId", "");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final StringProperty time = new SimpleStringProperty(this, "time", "");
    private final ObjectProperty<LocalDate> checkIn = new SimpleObjectProperty<>(this, "checkIn");
    private final ObjectProperty<LocalDate> checkOut = new SimpleObjectProperty<>(this, "checkOut");
    private final StringProperty party = new SimpleStringProperty(this, "party", "2");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObservableList<Choice> free = FXCollections.observableArrayList();
    private final ObservableList<Choice> alternatives = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper freeText = new ReadOnlyStringWrapper(this, "freeText", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private long asked;
    private List<Object> begun = List.of();
    private final BooleanBinding changed = Bindings.createBooleanBinding(
            () -> !values().equals(begun),
            stay,
            serviceId,
            roomTypeId,
            date,
            time,
            checkIn,
            checkOut,
            party,
            name,
            email,
            phone,
            notes);

    private BookingForm(
            dev.concierge.console.Texts texts,
            BookingsApi api,
            ServerCalls calls,
            Catalogue catalogue,
            ZoneId zone,
            @Nullable BookingView changing,
            BiConsumer<BookingView, Boolean> saved) {
        this.texts = texts;
        this.shortDay = DateTimeFormatter.ofPattern("EEE d MMM", texts.locale());
        this.api = api;
        this.calls = calls;
        this.catalogue = catalogue;
        this.zone = zone;
        this.changing = changing;
        this.saved = saved;
    }

    static BookingForm create(
            dev.concierge.console.Texts texts,
            BookingsApi api,
            ServerCalls calls,
            Catalogue catalogue,
            ZoneId zone,
            LocalDate day,
            BiConsumer<BookingView, Boolean> saved) {
        BookingForm form = new BookingForm(texts, api, calls, catalogue, zone, null, saved);
        form.stay.set(catalogue.services().isEmpty());
        form.serviceId.set(
                catalogue.services().isEmpty()
                        ? ""
                        : catalogue.services().get(0).id());
        form.roomTypeId.set(
                catalogue.rooms().isEmpty() ? "" : catalogue.rooms().get(0).id());
        form.date.set(day);
        form.checkIn.set(day);
        form.checkOut.set(day.plusDays(1));
        form.begin();
        form.listen();
        form.checkFree();
        return form;
    }

    static BookingForm change(
            dev.concierge.console.Texts texts,
            BookingsApi api,
            ServerCalls calls,
            Catalogue catalogue,
            ZoneId zone,
            BookingView booking,
            BiConsumer<BookingView, Boolean> saved) {
        BookingForm form = new BookingForm(texts, api, calls, catalogue, zone, booking, saved);
        boolean room = "room".equals(booking.kind());
        form.stay.set(room);
        form.serviceId.set(BookingsViewModel.nonNull(booking.serviceId()));
        form.roomTypeId.set(BookingsViewModel.nonNull(booking.roomTypeId()));
        LocalDate start = booking.start().atZoneSameInstant(zone).toLocalDate();
        form.date.set(start);
        form.time.set(
                room ? "" : Formats.time(booking.start().atZoneSameInstant(zone).toLocalTime()));
        form.checkIn.set(booking.start().toLocalDate());
        form.checkOut.set(booking.end().toLocalDate());
        form.party.set(String.valueOf(booking.partySize()));
        form.name.set(booking.contact().name());
        form.email.set(BookingsViewModel.nonNull(booking.contact().email()));
        form.phone.set(BookingsViewModel.nonNull(booking.contact().phone()));
        form.notes.set(BookingsViewModel.nonNull(booking.notes()));
        form.begin();
        form.listen();
        form.checkFree();
        return form;
    }

    /** What the form holds now, to tell edits from what it began with. */
    private List<Object> values() {
        return java.util.Arrays.asList(
                stay.get(),
                serviceId.get(),
                roomTypeId.get(),
                date.get(),
                time.get().strip(),
                checkIn.get(),
                checkOut.get(),
                party.get().strip(),
                name.get().strip(),
                email.get().strip(),
                phone.get().strip(),
                notes.get().strip());
    }

    private void begin() {
        begun = values();
        changed.invalidate();
    }

    /** Whether anything differs from what the form began with (a new form's defaults, the booking as it was). */
    public BooleanBinding changedProperty() {
        return changed;
    }

    public boolean isChanged() {
        return changed.get();
    }

    private void listen() {
        stay.addListener((observable, before, now) -> checkFree());
        serviceId.addListener((observable, before, now) -> checkFree());
        date.addListener((observable, before, now) -> checkFree());
        checkIn.addListener((observable, before, now) -> checkFree());
        checkOut.addListener((observable, before, now) -> checkFree());
        party.addListener((observable, before, now) -> checkFree());
    }

    /** Asks what is free for the day (a slot) or the nights (a stay); an older answer arriving late is dropped. */
    public void checkFree() {
        long question = ++asked;
        Integer people = people();
        if (people == null) {
            free.clear();
            freeText.set(texts.get(stay.get() ? "form.giveGuests" : "form.givePeople"));
            return;
        }
        if (stay.get()) {
            LocalDate in = checkIn.get();
            LocalDate out = checkOut.get();
            if (in == null || out == null || !out.isAfter(in)) {
                free.clear();
                freeText.set(texts.get("form.chooseCheckOut"));
                return;
            }
            freeText.set(texts.get("form.askingRooms"));
            calls.call(
                    () -> api.freeRooms(in, out, people),
                    rooms -> {
                        if (question == asked) {
                            showRooms(rooms);
                        }
                    },
                    why -> {
                        if (question == asked) {
                            free.clear();
                            freeText.set(texts.get("form.freeNotAsked", why));
                        }
                    });
        } else {
            String service = serviceId.get();
            LocalDate day = date.get();
            if (service.isEmpty() || day == null) {
                free.clear();
                freeText.set(texts.get("form.chooseService"));
                return;
            }
            freeText.set(texts.get("form.askingTimes"));
            calls.call(
                    () -> api.freeSlots(service, day, people),
                    slots -> {
                        if (question == asked) {
                            showSlots(slots, day);
                        }
                    },
                    why -> {
                        if (question == asked) {
                            free.clear();
                            freeText.set(why);
                        }
                    });
        }
    }

    private void showSlots(Availability availability, LocalDate day) {
        free.setAll(availability.slots().stream()
                .map(slot -> {
                    LocalTime start = slot.start().atZoneSameInstant(zone).toLocalTime();
                    return new Choice(
                            Formats.time(start) + " · " + texts.get("form.left", slot.remaining()), start, null, null);
                })
                .toList());
        freeText.set(
                free.isEmpty()
                        ? texts.get("form.nothingFree", shortDay.format(day))
                        : texts.get("form.freeTimes", free.size(), shortDay.format(day)));
    }

    private void showRooms(RoomAvailability availability) {
        free.setAll(availability.rooms().stream()
                .map(room -> new Choice(
                        room.name() + " · " + texts.get("form.roomsFree", room.available()) + " · "
                                + Formats.money(room.total(), texts.locale()),
                        null,
                        room.roomTypeId(),
                        null))
                .toList());
        freeText.set(free.isEmpty() ? texts.get("form.noRoomFree") : texts.get("form.roomTypesFree"));
    }

    /** Fills the form with a free time or room type. */
    public void pick(Choice choice) {
        if (choice.time() != null) {
            time.set(Formats.time(choice.time()));
            errors.remove("start");
        }
        if (choice.roomTypeId() != null) {
            roomTypeId.set(choice.roomTypeId());
            errors.remove("roomTypeId");
        }
    }

    /** Takes one of the server's alternatives and saves with it. */
    public void pickAlternative(Choice choice) {
        TimeRange range = choice.range();
        if (range == null) {
            return;
        }
        if (stay.get()) {
            checkIn.set(range.start().toLocalDate());
            checkOut.set(range.end().toLocalDate());
        } else {
            date.set(range.start().atZoneSameInstant(zone).toLocalDate());
            time.set(Formats.time(range.start().atZoneSameInstant(zone).toLocalTime()));
        }
        save();
    }

    /**
     * The form on a booking whose move to {@code day} at {@code at} the server refused (a bar dropped on a taken
     * slot): the time tried filled in, the refusal and its alternatives shown as a save from here shows them.
     */
    void refusedAt(LocalDate day, String at, RuntimeException refusal) {
        date.set(day);
        time.set(at);
        refused(refusal);
    }

    /** Creates the booking, or saves the change; the server's refusal is shown in the form. */
    public void save() {
        if (saving.get()) {
            return;
        }
        errors.clear();
        problem.set("");
        alternatives.clear();
        Map<String, String> wrong = new LinkedHashMap<>();
        Integer people = people();
        if (people == null) {
            wrong.put(stay.get() ? "guests" : "partySize", texts.get("form.wholeNumber"));
        }
        String start = null;
        if (!stay.get()) {
            try {
                LocalTime at = LocalTime.parse(time.get().strip());
                start = date.get() == null ? null : date.get().atTime(at).toString();
            } catch (DateTimeParseException e) {
                wrong.put("start", texts.get("form.timeLike"));
            }
        }
        if (!wrong.isEmpty()) {
            errors.putAll(wrong);
            return;
        }
        ContactDetails contact = new ContactDetails(name.get(), email.get(), phone.get());
        String note = notes.get().isBlank() ? null : notes.get().strip();
        String startAt = start;
        try {
            if (changing == null) {
                ReservationRequest request = stay.get()
                        ? new ReservationRequest(
                                null,
                                null,
                                null,
                                roomTypeId.get(),
                                checkIn.get(),
                                checkOut.get(),
                                people,
                                contact,
                                note,
                                "confirmed")
                        : new ReservationRequest(
                                serviceId.get(), startAt, people, null, null, null, null, contact, note, "confirmed");
                send(() -> api.create(request), true);
            } else {
                BookingUpdate update = stay.get()
                        ? new BookingUpdate(
                                null,
                                null,
                                null,
                                checkIn.get(),
                                checkOut.get(),
                                people,
                                contact,
                                note == null ? "" : note)
                        : new BookingUpdate(null, null, startAt, null, null, people, contact, note == null ? "" : note);
                long id = changing.id();
                send(() -> api.update(id, update), false);
            }
        } catch (InvalidFieldsException e) {
            errors.putAll(e.fields());
        }
    }

    private void send(java.util.function.Supplier<BookingView> call, boolean created) {
        saving.set(true);
        calls.attempt(
                call,
                booking -> {
                    saving.set(false);
                    saved.accept(booking, created);
                },
                this::refused);
    }

    private void refused(RuntimeException refusal) {
        saving.set(false);
        if (refusal instanceof ApiException e && e.error().error().fields() != null && e.status() == 400) {
            errors.putAll(e.error().error().fields());
            problem.set(texts.get("form.checkFields"));
            return;
        }
        problem.set(ServerCalls.plainWords(refusal, texts));
        if (refusal instanceof ApiException e
                && e.status() == 409
                && e.error().error().alternatives() != null) {
            alternatives.setAll(e.error().error().alternatives().stream()
                    .map(range -> new Choice(alternative(range), null, null, range))
                    .toList());
            checkFree();
        }
    }

    private String alternative(TimeRange range) {
        if (stay.get()) {
            return shortDay.format(range.start().toLocalDate()) + " → "
                    + shortDay.format(range.end().toLocalDate());
        }
        return shortDay.format(range.start().atZoneSameInstant(zone).toLocalDate()) + " "
                + Formats.time(range.start().atZoneSameInstant(zone).toLocalTime()) + "–"
                + Formats.time(range.end().atZoneSameInstant(zone).toLocalTime());
    }

    private @Nullable Integer people() {
        try {
            int people = Integer.parseInt(party.get().strip());
            return people >= 1 ? people : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The errors of {@code fields} as the server (or the request's own checks) named them; empty when they are fine. */
    public String error(String... fields) {
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            String error = errors.get(field);
            if (error != null) {
                text.append(text.isEmpty() ? "" : "; ")
                        .append(texts.word("form.field", field.replace("contact.", "")))
                        .append(' ')
                        .append(error);
            }
        }
        return text.toString();
    }

    public String title() {
        return changing == null ? texts.get("form.new") : texts.get("form.changeTitle", changing.reference());
    }

    dev.concierge.console.Texts texts() {
        return texts;
    }

    /** Whether this form changes {@code booking} (a new booking's form is for none). */
    boolean isFor(BookingView booking) {
        return changing != null && changing.id() == booking.id();
    }

    public boolean creating() {
        return changing == null;
    }

    List<Catalogue.Item> services() {
        return catalogue.services();
    }

    List<Catalogue.Room> rooms() {
        return catalogue.rooms();
    }

    public BooleanProperty stayProperty() {
        return stay;
    }

    public StringProperty serviceIdProperty() {
        return serviceId;
    }

    public StringProperty roomTypeIdProperty() {
        return roomTypeId;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public ObjectProperty<LocalDate> checkInProperty() {
        return checkIn;
    }

    public ObjectProperty<LocalDate> checkOutProperty() {
        return checkOut;
    }

    public StringProperty partyProperty() {
        return party;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ObservableList<Choice> free() {
        return free;
    }

    public ObservableList<Choice> alternatives() {
        return alternatives;
    }

    public ReadOnlyStringProperty freeTextProperty() {
        return freeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String getProblem() {
        return problem.get();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }
}
