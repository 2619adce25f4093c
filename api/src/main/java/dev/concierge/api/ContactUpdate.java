package dev.concierge.api;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code PATCH /api/staff/contacts/{id}}: what the desk corrects or learns about a guest. {@code consent} true
 * records the guest's yes with the time and channel; false records its withdrawal. A field left out is unchanged;
 * an empty e-mail or phone removes it.
 */
public record ContactUpdate(
        @Nullable String name,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String language,
        @Nullable String intent,
        @Nullable String notes,
        @Nullable Boolean consent) {
    private static final Set<String> LANGUAGES = Set.of("en", "es");

    public ContactUpdate {
        FieldChecks.start()
                .check(
                        name != null
                                || email != null
                                || phone != null
                                || language != null
                                || intent != null
                                || notes != null
                                || consent != null,
                        "body",
                        "give at least one of name, email, phone, language, intent, notes, consent")
                .check(name == null || !name.isBlank(), "name", "must not be empty")
                .maxLength("name", name, 200)
                .maxLength("email", email, 254)
                .check(
                        email == null || email.isBlank() || email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
                        "email",
                        "is not an e-mail address")
                .maxLength("phone", phone, 40)
                .check(language == null || LANGUAGES.contains(language), "language", "must be en or es")
                .maxLength("intent", intent, 500)
                .maxLength("notes", notes, 4000)
                .orThrow();
    }
}
