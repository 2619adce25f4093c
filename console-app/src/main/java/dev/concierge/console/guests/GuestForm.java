package dev.concierge.console.guests;

import dev.concierge.api.ApiException;
import dev.concierge.api.Contact;
import dev.concierge.api.ContactUpdate;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.console.ServerCalls;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.jspecify.annotations.Nullable;

/**
 * Changes what the venue knows of one guest: name, e-mail, phone, language, what they want and notes. Only what was
 * changed is sent ({@code PATCH}); the server's (or the request's own) refusals are shown next to their fields.
 */
public final class GuestForm {
    /** The languages the assistant speaks, the form's choices; blank for a guest whose language is not known. */
    static final List<String> LANGUAGES = List.of("en", "es");

    private final dev.concierge.console.Texts texts;
    private final Contact contact;
    private final GuestsApi api;
    private final ServerCalls calls;
    private final Consumer<Contact> saved;

    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final StringProperty email = new SimpleStringProperty(this, "email");
    private final StringProperty phone = new SimpleStringProperty(this, "phone");
    private final StringProperty language = new SimpleStringProperty(this, "language");
    private final StringProperty intent = new SimpleStringProperty(this, "intent");
    private final StringProperty notes = new SimpleStringProperty(this, "notes");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final javafx.beans.binding.BooleanBinding changed;

    /** @param saved what the screen does with the guest as the server now has them; on the FX thread */
    GuestForm(
            dev.concierge.console.Texts texts,
            Contact contact,
            GuestsApi api,
            ServerCalls calls,
            Consumer<Contact> saved) {
        this.texts = texts;
        this.contact = contact;
        this.api = api;
        this.calls = calls;
        this.saved = saved;
        name.set(text(contact.name()));
        email.set(text(contact.email()));
        phone.set(text(contact.phone()));
        language.set(text(contact.language()));
        intent.set(text(contact.intent()));
        notes.set(text(contact.notes()));
        changed = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> changed(name, contact.name()) != null
                        || changed(email, contact.email()) != null
                        || changed(phone, contact.phone()) != null
                        || changed(language, contact.language()) != null
                        || changed(intent, contact.intent()) != null
                        || changed(notes, contact.notes()) != null,
                name,
                email,
                phone,
                language,
                intent,
                notes);
    }

    /** Whether a field differs from what the guest has at the server (spaces around a text do not count). */
    public javafx.beans.binding.BooleanBinding changedProperty() {
        return changed;
    }

    public boolean isChanged() {
        return changed.get();
    }

    /** Sends what changed; with nothing changed it only closes (as saved, unchanged). */
    public void save() {
        if (saving.get()) {
            return;
        }
        errors.clear();
        problem.set("");
        ContactUpdate update;
        try {
            update = new ContactUpdate(
                    changed(name, contact.name()),
                    changed(email, contact.email()),
                    changed(phone, contact.phone()),
                    language.get() == null || language.get().isBlank() ? null : changed(language, contact.language()),
                    changed(intent, contact.intent()),
                    changed(notes, contact.notes()),
                    null);
        } catch (InvalidFieldsException e) {
            if (e.fields().containsKey("body")) {
                saved.accept(contact); // nothing was changed
                return;
            }
            errors.putAll(e.fields());
            problem.set(texts.get("form.checkFields"));
            return;
        }
        saving.set(true);
        calls.attempt(
                () -> api.update(contact.id(), update),
                answer -> {
                    saving.set(false);
                    saved.accept(answer);
                },
                this::refused);
    }

    private void refused(RuntimeException refusal) {
        saving.set(false);
        if (refusal instanceof ApiException e
                && e.status() == 400
                && e.error().error().fields() != null) {
            errors.putAll(e.error().error().fields());
            problem.set(texts.get("form.checkFields"));
            return;
        }
        String why = ServerCalls.plainWords(refusal, texts);
        if (refusal instanceof ApiException e
                && "duplicate_contact".equals(e.error().error().code())) {
            why += " " + texts.get("guests.mergeInstead");
        }
        problem.set(why);
    }

    /** The field's text when it differs from what the guest had, stripped; null (left out) when it is the same. */
    private static @Nullable String changed(StringProperty field, @Nullable String before) {
        String now = text(field.get()).strip();
        return now.equals(text(before).strip()) ? null : now;
    }

    private static String text(@Nullable String value) {
        return Objects.requireNonNullElse(value, "");
    }

    /** The error of {@code field} with its name, e.g. "email is not an e-mail address"; empty when it is fine. */
    public String error(String field) {
        String error = errors.get(field);
        return error == null ? "" : texts.word("form.field", field) + " " + error;
    }

    public String title() {
        return texts.get("form.changeTitle", GuestRow.nameOf(contact, texts));
    }

    dev.concierge.console.Texts texts() {
        return texts;
    }

    public long contactId() {
        return contact.id();
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

    /** {@code en}, {@code es}, or blank for not known (a language known cannot be unknown again: blank keeps it). */
    public StringProperty languageProperty() {
        return language;
    }

    public StringProperty intentProperty() {
        return intent;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObservableMap<String, String> errors() {
        return errors;
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
