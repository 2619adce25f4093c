package dev.concierge.console.guests;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.concierge.api.ApiClient;
import dev.concierge.api.Contact;
import dev.concierge.api.ContactActivity;
import dev.concierge.api.ContactMerge;
import dev.concierge.api.ContactUpdate;
import dev.concierge.api.SyncStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The server calls of the Guests screen; they block, so they run off the FX thread. */
public interface GuestsApi {

    /** {@code GET /api/staff/contacts?q=}: by name, e-mail or phone, newest first; every contact for a blank query. */
    List<Contact> contacts(String query);

    /** {@code GET /api/staff/contacts/{id}/activity}: their bookings, orders and conversations, the newest first. */
    ContactActivity activity(long id);

    /**
     * {@code POST /api/staff/contacts/{keptId}/merge {"duplicateId"}}: the duplicate's history moves to the kept
     * guest, who takes what they lacked from it; the duplicate leaves the list. Answers the kept guest.
     */
    Contact merge(long keptId, long duplicateId);

    /** {@code PATCH /api/staff/contacts/{id}}: a 400 names its fields, a 409 when the e-mail or phone is another's. */
    Contact update(long id, ContactUpdate update);

    /** {@code DELETE /api/staff/contacts/{id}} (manager+): the GDPR erasure. */
    void erase(long id);

    /** {@code GET /api/staff/sync?connector=google-sheets&limit=1}: how the outside services keep up. */
    SyncStatus sync();

    static GuestsApi over(ApiClient client) {
        return new GuestsApi() {
            @Override
            public List<Contact> contacts(String query) {
                String q = query.isBlank() ? "" : "?q=" + URLEncoder.encode(query.strip(), StandardCharsets.UTF_8);
                return client.get("/api/staff/contacts" + q, new TypeReference<List<Contact>>() {});
            }

            @Override
            public ContactActivity activity(long id) {
                return client.get("/api/staff/contacts/" + id + "/activity", ContactActivity.class);
            }

            @Override
            public Contact merge(long keptId, long duplicateId) {
                return client.post(
                        "/api/staff/contacts/" + keptId + "/merge", new ContactMerge(duplicateId), Contact.class);
            }

            @Override
            public Contact update(long id, ContactUpdate update) {
                return client.patch("/api/staff/contacts/" + id, update, Contact.class);
            }

            @Override
            public void erase(long id) {
                client.delete("/api/staff/contacts/" + id);
            }

            @Override
            public SyncStatus sync() {
                return client.get("/api/staff/sync?connector=" + GuestsViewModel.SHEETS + "&limit=1", SyncStatus.class);
            }
        };
    }
}
