package dev.concierge.privacy;

import static dev.concierge.jooq.Tables.CONVERSATION;
import static dev.concierge.jooq.Tables.MESSAGE;
import static dev.concierge.jooq.Tables.OUTBOX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.api.Contact;
import dev.concierge.api.PersonalData;
import dev.concierge.booking.BookingService;
import dev.concierge.crm.ContactService;
import dev.concierge.jooq.tables.records.OutboxRecord;
import dev.concierge.order.OrderService;
import dev.concierge.outbox.OutboxRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The GDPR rights of a guest across every feature: access (everything held about them, as JSON) and erasure (their
 * details gone from the contact, bookings, orders, conversations and the events waiting to go out, in one
 * transaction, with an event so that outside copies such as the Sheets row are erased too).
 */
public final class PrivacyService {
    /** What a message of an erased guest's conversation says instead. */
    static final String ERASED_MESSAGE = "(erased)";

    private final DSLContext dsl;
    private final ContactService contacts;
    private final BookingService bookings;
    private final OrderService orders;
    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public PrivacyService(
            DSLContext dsl,
            ContactService contacts,
            BookingService bookings,
            OrderService orders,
            OutboxRepository outbox,
            ObjectMapper json,
            Clock clock) {
        this.dsl = dsl;
        this.contacts = contacts;
        this.bookings = bookings;
        this.orders = orders;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public PersonalData export(long contactId) {
        Contact contact = contacts.find(contactId);
        List<PersonalData.ConversationRecord> conversations = new ArrayList<>();
        Map<String, List<PersonalData.Said>> said = dsl.select(
                        MESSAGE.CONVERSATION_ID, MESSAGE.ROLE, MESSAGE.TEXT, MESSAGE.LANGUAGE, MESSAGE.CREATED_AT)
                .from(MESSAGE)
                .join(CONVERSATION)
                .on(CONVERSATION.ID.eq(MESSAGE.CONVERSATION_ID))
                .where(CONVERSATION.CONTACT_ID.eq(contactId))
                .orderBy(MESSAGE.ID)
                .fetchGroups(
                        r -> r.value1(),
                        r -> new PersonalData.Said(
                                r.value2(), r.value3(), r.value4(), r.value5().toInstant()));
        dsl.selectFrom(CONVERSATION)
                .where(CONVERSATION.CONTACT_ID.eq(contactId))
                .orderBy(CONVERSATION.CREATED_AT)
                .forEach(c -> conversations.add(new PersonalData.ConversationRecord(
                        c.getId(),
                        c.getChannel(),
                        c.getCreatedAt().toInstant(),
                        said.getOrDefault(c.getId(), List.of()))));
        return new PersonalData(
                contact, bookings.ofContact(contactId), orders.ofContact(contactId), conversations, clock.instant());
    }

    /** Erases the guest everywhere; 404 for an unknown contact, and erasing twice changes nothing more. */
    public void erase(long contactId) {
        contacts.find(contactId);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            if (!contacts.erase(db, contactId, now)) {
                return; // erased before: nothing of the person is left to erase
            }
            List<String> references = new ArrayList<>(bookings.eraseContact(db, contactId));
            references.addAll(orders.eraseContact(db, contactId));
            // events about the contact itself (a lead captured) carry their details too
            references.add("contact-" + contactId);
            db.update(MESSAGE)
                    .set(MESSAGE.TEXT, ERASED_MESSAGE)
                    .where(MESSAGE.CONVERSATION_ID.in(conversationsOf(db, contactId)))
                    .execute();
            db.update(CONVERSATION)
                    .setNull(CONVERSATION.TASK_STATE)
                    .where(CONVERSATION.CONTACT_ID.eq(contactId))
                    .execute();
            scrubEvents(db, references);
            outbox.write(db, "contact.erased", "contact-" + contactId, 1, Map.of("contactId", contactId), now);
        });
    }

    private static org.jooq.Select<org.jooq.Record1<String>> conversationsOf(DSLContext db, long contactId) {
        return db.select(CONVERSATION.ID).from(CONVERSATION).where(CONVERSATION.CONTACT_ID.eq(contactId));
    }

    /**
     * Events about the guest's bookings and orders carry the booking or order as it was, contact included; the
     * contact and the note go from every one of them, delivered or not.
     */
    private void scrubEvents(DSLContext db, List<String> references) {
        if (references.isEmpty()) {
            return;
        }
        for (OutboxRecord event : db.selectFrom(OUTBOX)
                .where(OUTBOX.AGGREGATE_ID.in(references))
                .forUpdate()
                .fetch()) {
            try {
                JsonNode payload = json.readTree(event.getPayload());
                if (payload instanceof ObjectNode object) {
                    if (object.has("contact")) {
                        ObjectNode erased = object.putObject("contact");
                        erased.put("name", BookingService.ERASED);
                        erased.putNull("email");
                        erased.putNull("phone");
                    }
                    if (object.has("notes")) {
                        object.putNull("notes");
                    }
                    event.setPayload(json.writeValueAsString(object)).store();
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an outbox event is not JSON", e);
            }
        }
    }
}
