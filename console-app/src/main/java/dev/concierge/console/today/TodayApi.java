package dev.concierge.console.today;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.concierge.api.ApiClient;
import dev.concierge.api.BookingUpdate;
import dev.concierge.api.BookingView;
import dev.concierge.api.ConversationSummary;
import dev.concierge.api.Folio;
import dev.concierge.api.OrderView;
import dev.concierge.api.SyncStatus;
import dev.concierge.api.VenueProfile;
import java.time.LocalDate;
import java.util.List;

/** The server calls of the Today screen; they block, so they run off the FX thread. */
public interface TodayApi {

    /** {@code GET /api/venue}: the server's clock (what today is at the venue) and the catalogue's names. */
    VenueProfile venue();

    /** {@code GET /api/staff/bookings?from=day&to=day}: bookings starting that day, slots and stays. */
    List<BookingView> bookingsStarting(LocalDate day);

    /** {@code GET /api/staff/bookings?status=checked_in}: the stays in the house (the API filters by start only). */
    List<BookingView> staysInHouse();

    /** {@code GET /api/staff/orders?status=}. */
    List<OrderView> orders(String status);

    /** {@code GET /api/staff/conversations?status=handoff}: guests waiting for a person. */
    List<ConversationSummary> waitingForAPerson();

    /** {@code GET /api/staff/sync?status=dead}: the connectors' states and the deliveries that failed for good. */
    SyncStatus deadDeliveries();

    /** {@code GET /api/staff/bookings/{id}/folio}. */
    Folio folio(long stayId);

    /** {@code PATCH /api/staff/bookings/{id} {"status": "checked_in", "roomNumber": ...}}. */
    BookingView checkIn(long stayId, String roomNumber);

    /** {@code PATCH /api/staff/bookings/{id} {"status": "checked_out"}}: the server settles the folio. */
    BookingView checkOut(long stayId);

    static TodayApi over(ApiClient client) {
        return new TodayApi() {
            @Override
            public VenueProfile venue() {
                return client.venue();
            }

            @Override
            public List<BookingView> bookingsStarting(LocalDate day) {
                return client.get(
                        "/api/staff/bookings?from=" + day + "&to=" + day, new TypeReference<List<BookingView>>() {});
            }

            @Override
            public List<BookingView> staysInHouse() {
                return client.get("/api/staff/bookings?status=checked_in", new TypeReference<List<BookingView>>() {});
            }

            @Override
            public List<OrderView> orders(String status) {
                return client.get("/api/staff/orders?status=" + status, new TypeReference<List<OrderView>>() {});
            }

            @Override
            public List<ConversationSummary> waitingForAPerson() {
                return client.get(
                        "/api/staff/conversations?status=handoff", new TypeReference<List<ConversationSummary>>() {});
            }

            @Override
            public SyncStatus deadDeliveries() {
                return client.get("/api/staff/sync?status=dead", SyncStatus.class);
            }

            @Override
            public Folio folio(long stayId) {
                return client.get("/api/staff/bookings/" + stayId + "/folio", Folio.class);
            }

            @Override
            public BookingView checkIn(long stayId, String roomNumber) {
                return client.patch(
                        "/api/staff/bookings/" + stayId,
                        new BookingUpdate("checked_in", roomNumber, null, null, null, null, null, null),
                        BookingView.class);
            }

            @Override
            public BookingView checkOut(long stayId) {
                return client.patch(
                        "/api/staff/bookings/" + stayId, BookingUpdate.status("checked_out"), BookingView.class);
            }
        };
    }
}
