package dev.concierge.crm;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.concierge.api.InvalidFieldsException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a person is recognised again: the e-mail trimmed and in lower case, and the phone in E.164, read with the
 * venue's country as the default (so {@code 612 000 300} at a Spanish venue is {@code +34612000300}).
 */
public final class ContactKeys {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** The region numbers without a country code belong to: the venue's own phone's, or none. */
    private final String defaultRegion;

    private ContactKeys(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** Keys for a venue whose own phone number is {@code venuePhone} (its country is the default region). */
    public static ContactKeys forVenuePhone(@Nullable String venuePhone) {
        String region = "ZZ";
        if (venuePhone != null) {
            try {
                region = PHONES.getRegionCodeForNumber(PHONES.parse(venuePhone, "ZZ"));
            } catch (NumberParseException e) {
                region = "ZZ"; // a venue phone without country code: guests then give theirs with one
            }
        }
        return new ContactKeys(region == null ? "ZZ" : region);
    }

    /** The ISO region of numbers given without a country code ("ES"), or "ZZ" when the venue's phone has none. */
    public String defaultRegion() {
        return defaultRegion;
    }

    public static @Nullable String email(@Nullable String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The phone in E.164, or a 400 naming {@code field} when it cannot be a phone number in the venue's country or,
     * with its country code, anywhere.
     */
    public @Nullable String phone(@Nullable String phone, String field) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        try {
            PhoneNumber number = PHONES.parse(phone, defaultRegion);
            if (PHONES.isPossibleNumber(number)) {
                return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // reported below, with the same words as a number of the wrong length
        }
        throw InvalidFieldsException.of(
                field,
                "ZZ".equals(defaultRegion)
                        ? "is not a phone number; give it with the country code, e.g. +34 612 345 678"
                        : "is not a phone number");
    }

    /** The phone in E.164 when it is one, else null; for searching, where a partial number is fine. */
    public @Nullable String phoneOrNull(String text) {
        try {
            PhoneNumber number = PHONES.parse(text, defaultRegion);
            return PHONES.isPossibleNumber(number)
                    ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
                    : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
