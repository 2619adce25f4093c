package dev.concierge.guest;

import dev.concierge.api.BookingView;
import dev.concierge.api.Contact;
import dev.concierge.api.ContactActivity;
import dev.concierge.api.OrderView;
import dev.concierge.booking.BookingService;
import dev.concierge.conversation.ConversationService;
import dev.concierge.crm.ContactService;
import dev.concierge.order.OrderService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;

/** A guest's whole history, and the merge of two contacts that turn out to be the same guest. */
public final class GuestService {
    private final DSLContext dsl;
    private final ContactService contacts;
    private final BookingService bookings;
    private final OrderService orders;
    private final ConversationService conversations;
    private final Clock clock;

    public GuestService(
            DSLContext dsl,
            ContactService contacts,
            BookingService bookings,
            OrderService orders,
            ConversationService conversations,
            Clock clock) {
        this.dsl = dsl;
        this.contacts = contacts;
        this.bookings = bookings;
        this.orders = orders;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** The guest's bookings (by when they are for), orders and conversations, the newest first; 404 for none. */
    public ContactActivity activity(long contactId) {
        contacts.find(contactId);
        List<BookingView> byStart = bookings.ofContact(contactId).stream()
                .sorted(Comparator.comparing(BookingView::start).reversed())
                .toList();
        List<OrderView> byTime = orders.ofContact(contactId).stream()
                .sorted(Comparator.comparing(OrderView::createdAt).reversed())
                .toList();
        return new ContactActivity(contactId, byStart, byTime, conversations.ofContact(contactId));
    }

    /**
     * Folds contact {@code duplicateId} into {@code keptId} in one transaction: its bookings, orders and conversations
     * become the kept contact's, and the kept contact takes what it lacked from it (see {@link ContactService#absorb}).
     */
    public Contact merge(long keptId, long duplicateId) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Contact kept = contacts.absorb(db, keptId, duplicateId, now);
            bookings.moveContact(db, duplicateId, keptId);
            orders.moveContact(db, duplicateId, keptId);
            conversations.moveContact(db, duplicateId, keptId);
            return kept;
        });
    }
}
