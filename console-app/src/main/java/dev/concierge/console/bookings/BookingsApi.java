package dev.concierge.console.bookings;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.concierge.api.ApiClient;
import dev.concierge.api.Availability;
import dev.concierge.api.BookingChange;
import dev.concierge.api.BookingUpdate;
import dev.concierge.api.BookingView;
import dev.concierge.api.ReservationRequest;
import dev.concierge.api.RoomAvailability;
import dev.concierge.api.VenueProfile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The server calls of the Bookings screen; they block, so they run off the FX thread. */
public interface BookingsApi {

    /** {@code GET /api/venue}: the venue's clock ({@code now}) and its catalogue. */
    VenueProfile venue();

    /**
     * {@code GET /api/staff/bookings?from=&to=&service=}: bookings starting in those venue-local days (the API filters
     * by start only), of one service or room type when {@code service} is given.
     */
    List<BookingView> bookingsStarting(LocalDate from, LocalDate to, @Nullable String service);

    /** {@code GET /api/staff/bookings?q=}: by reference, name, phone or e-mail. */
    List<BookingView> search(String query);

    /** {@code GET /api/staff/bookings/{id}/history}. */
    List<BookingChange> history(long id);

    /** {@code GET /api/availability?service=&date=&party=}: the free slots of the day with what remains of each. */
    Availability freeSlots(String serviceId, LocalDate day, int party);

    /** {@code GET /api/availability/rooms?checkIn=&checkOut=&guests=}. */
    RoomAvailability freeRooms(LocalDate checkIn, LocalDate checkOut, int guests);

    /** {@code POST /api/staff/bookings}: a 409 with {@code alternatives} when the slot or room is taken. */
    BookingView create(ReservationRequest request);

    /** {@code PATCH /api/staff/bookings/{id}}: a status move or a change; a 409 as for {@link #create}. */
    BookingView update(long id, BookingUpdate update);

    /** {@code POST /api/staff/bookings/{id}/cancel}. */
    BookingView cancel(long id);

    static BookingsApi over(ApiClient client) {
        TypeReference<List<BookingView>> bookings = new TypeReference<>() {};
        return new BookingsApi() {
            @Override
            public VenueProfile venue() {
                return client.venue();
            }

            @Override
            public List<BookingView> bookingsStarting(LocalDate from, LocalDate to, @Nullable String service) {
                String only = service == null ? "" : "&service=" + URLEncoder.encode(service, StandardCharsets.UTF_8);
                return client.get("/api/staff/bookings?from=" + from + "&to=" + to + only, bookings);
            }

            @Override
            public List<BookingView> search(String query) {
                return client.get(
                        "/api/staff/bookings?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), bookings);
            }

            @Override
            public List<BookingChange> history(long id) {
                return client.get(
                        "/api/staff/bookings/" + id + "/history", new TypeReference<List<BookingChange>>() {});
            }

            @Override
            public Availability freeSlots(String serviceId, LocalDate day, int party) {
                return client.get(
                        "/api/availability?service=" + URLEncoder.encode(serviceId, StandardCharsets.UTF_8) + "&date="
                                + day + "&party=" + party,
                        Availability.class);
            }

            @Override
            public RoomAvailability freeRooms(LocalDate checkIn, LocalDate checkOut, int guests) {
                return client.get(
                        "/api/availability/rooms?checkIn=" + checkIn + "&checkOut=" + checkOut + "&guests=" + guests,
                        RoomAvailability.class);
            }

            @Override
            public BookingView create(ReservationRequest request) {
                return client.post("/api/staff/bookings", request, BookingView.class);
            }

            @Override
            public BookingView update(long id, BookingUpdate update) {
                return client.patch("/api/staff/bookings/" + id, update, BookingView.class);
            }

            @Override
            public BookingView cancel(long id) {
                return client.post("/api/staff/bookings/" + id + "/cancel", Map.of(), BookingView.class);
            }
        };
    }
}
