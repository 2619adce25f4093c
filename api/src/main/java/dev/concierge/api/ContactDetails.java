package dev.concierge.api;

import org.jspecify.annotations.Nullable;

/**
 * Who a booking or order is for: a name, and an e-mail or phone to reach them. The request that carries it checks
 * it with {@link #check}, so that its problems are reported together with the request's others.
 */
public record ContactDetails(
        String name, @Nullable String email, @Nullable String phone) {
    public ContactDetails(@Nullable String name, @Nullable String email, @Nullable String phone) {
        this.name = name == null ? "" : name.trim();
        this.email = email == null || email.isBlank() ? null : email.trim();
        this.phone = phone == null || phone.isBlank() ? null : phone.trim();
    }

    /** Adds the problems of {@code contact} (at {@code field}) to {@code checks}. */
    static void check(FieldChecks checks, String field, @Nullable ContactDetails contact) {
        if (contact == null) {
            checks.require(field, null);
            return;
        }
        String email = contact.email();
        String phone = contact.phone();
        checks.require(field + ".name", contact.name())
                .maxLength(field + ".name", contact.name(), 200)
                .maxLength(field + ".email", email, 254)
                .check(
                        email == null || email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
                        field + ".email",
                        "is not an e-mail address")
                .maxLength(field + ".phone", phone, 40)
                .check(
                        phone == null || phone.replaceAll("\\D", "").length() >= 6,
                        field + ".phone",
                        "is not a phone number");
    }
}
