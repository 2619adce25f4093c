package dev.concierge.booking;

import dev.concierge.api.Availability;
import dev.concierge.api.BookingUpdate;
import dev.concierge.api.BookingView;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.PaymentChoice;
import dev.concierge.api.ReservationRequest;
import dev.concierge.common.Channel;
import dev.concierge.common.DateParameter;
import dev.concierge.common.DomainException;
import dev.concierge.staff.Access;
import dev.concierge.staff.Callers;
import dev.concierge.staff.Kiosk;
import dev.concierge.staff.StaffMember;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Availability and reservations for guests (public key), bookings for the desk. */
public final class BookingController {
    private final BookingService bookings;
    private final DepositService deposits;

    public BookingController(BookingService bookings, DepositService deposits) {
        this.bookings = bookings;
        this.deposits = deposits;
    }

    /** {@code POST /api/reservations/confirm}: which booking's deposit to read again. */
    record Confirm(@Nullable Long bookingId) {
        Confirm {
            if (bookingId == null) {
                throw InvalidFieldsException.of("bookingId", "is required");
            }
        }
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/availability", this::availability, Access.PUBLIC_CLIENT);
        routes.get("/api/availability/rooms", this::roomAvailability, Access.PUBLIC_CLIENT);
        routes.post("/api/reservations", this::reserve, Access.PUBLIC_CLIENT);
        routes.post(
                "/api/reservations/confirm",
                ctx -> ctx.json(forGuest(deposits.confirm(java.util.Objects.requireNonNull(
                        ctx.bodyAsClass(Confirm.class).bookingId())))),
                Access.PUBLIC_CLIENT);
        routes.post(
                "/api/reservations/{id}/terminal",
                ctx -> {
                    Kiosk kiosk = Callers.readerCaller(ctx);
                    ctx.json(forGuest(deposits.collectAtReader(id(ctx), kiosk == null ? null : kiosk.readerId())));
                },
                Access.PUBLIC_CLIENT);
        routes.post(
                "/api/reservations/{id}/terminal/cancel",
                ctx -> {
                    Callers.readerCaller(ctx);
                    ctx.json(forGuest(deposits.cancelAtReader(id(ctx))));
                },
                Access.PUBLIC_CLIENT);
        routes.post(
                "/api/reservations/{id}/payment",
                ctx -> {
                    Kiosk kiosk = Callers.readerCaller(ctx);
                    PaymentChoice change = ctx.bodyAsClass(PaymentChoice.class);
                    ctx.json(forGuest(deposits.payOtherwise(
                            id(ctx),
                            java.util.Objects.requireNonNull(change.method()),
                            kiosk == null ? Channel.CONSOLE : Channel.KIOSK,
                            staffId(ctx))));
                },
                Access.PUBLIC_CLIENT);
        routes.post("/api/staff/bookings", this::bookAtTheDesk, Access.FRONT_DESK);
        routes.get("/api/staff/bookings", this::list, Access.FRONT_DESK);
        routes.get("/api/staff/bookings/{id}", ctx -> ctx.json(bookings.find(id(ctx))), Access.FRONT_DESK);
        routes.get("/api/staff/bookings/{id}/history", ctx -> ctx.json(bookings.history(id(ctx))), Access.FRONT_DESK);
        routes.patch(
                "/api/staff/bookings/{id}",
                ctx -> ctx.json(
                        bookings.update(id(ctx), ctx.bodyAsClass(BookingUpdate.class), Channel.CONSOLE, staffId(ctx))),
                Access.FRONT_DESK);
        routes.post(
                "/api/staff/bookings/{id}/cancel",
                ctx -> ctx.json(
                        bookings.update(id(ctx), BookingUpdate.status("cancelled"), Channel.CONSOLE, staffId(ctx))),
                Access.FRONT_DESK);
    }

    private void availability(Context ctx) {
        Map<String, String> problems = new LinkedHashMap<>();
        String service = ctx.queryParam("service");
        if (service == null || service.isBlank()) {
            problems.put("service", "is required");
        }
        LocalDate date = date(ctx, "date", problems);
        int party = 1;
        String partyText = ctx.queryParam("party");
        if (partyText != null) {
            try {
                party = Integer.parseInt(partyText);
            } catch (NumberFormatException e) {
                problems.put("party", "must be a whole number");
            }
        }
        if (!problems.isEmpty() || service == null || date == null) {
            throw new InvalidFieldsException(problems);
        }
        ZoneId zone = bookings.zone();
        List<Availability.FreeSlot> slots = bookings.freeSlots(service, date, party).stream()
                .map(s -> new Availability.FreeSlot(
                        s.start().atZone(zone).toOffsetDateTime(),
                        s.end().atZone(zone).toOffsetDateTime(),
                        s.remaining()))
                .toList();
        ctx.json(new Availability(slots));
    }

    private void roomAvailability(Context ctx) {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate checkIn = date(ctx, "checkIn", problems);
        LocalDate checkOut = date(ctx, "checkOut", problems);
        int guests = 1;
        String guestsText = ctx.queryParam("guests");
        if (guestsText != null) {
            try {
                guests = Integer.parseInt(guestsText);
            } catch (NumberFormatException e) {
                problems.put("guests", "must be a whole number");
            }
        }
        if (guests < 1) {
            problems.put("guests", "must be 1 or more");
        }
        if (checkIn != null && checkOut != null && !checkOut.isAfter(checkIn)) {
            problems.put("checkOut", "must be after checkIn");
        }
        if (!problems.isEmpty() || checkIn == null || checkOut == null) {
            throw new InvalidFieldsException(problems);
        }
        String language = ctx.queryParam("language");
        ctx.json(bookings.roomOffers(checkIn, checkOut, guests, language == null ? "en" : language));
    }

    private static @Nullable LocalDate date(Context ctx, String name, Map<String, String> problems) {
        return DateParameter.required(name, ctx.queryParam(name), problems);
    }

    private void reserve(Context ctx) {
        ReservationRequest request = ctx.bodyAsClass(ReservationRequest.class);
        if (request.status() != null) {
            throw InvalidFieldsException.of("status", "is set by the venue, not by the guest");
        }
        // the desk may book through the public route too; then it is the desk's booking
        Long staffId = staffId(ctx);
        if (staffId != null) {
            ctx.status(HttpStatus.CREATED).json(bookings.book(request, Channel.CONSOLE, staffId));
            return;
        }
        Channel source = Callers.kiosk(ctx).isPresent() ? Channel.KIOSK : Channel.WEB;
        ctx.status(HttpStatus.CREATED).json(bookings.bookWithDeposit(request, source));
    }

    /** What a public client sees of a booking it names by id (ids can be guessed): not who booked or their note. */
    private static BookingView forGuest(BookingView b) {
        return new BookingView(
                b.id(),
                b.reference(),
                b.kind(),
                b.serviceId(),
                b.roomTypeId(),
                b.start(),
                b.end(),
                b.partySize(),
                b.status(),
                new ContactDetails(null, null, null),
                null,
                b.source(),
                b.createdAt(),
                null,
                null,
                b.deposit());
    }

    private void bookAtTheDesk(Context ctx) {
        ReservationRequest request = ctx.bodyAsClass(ReservationRequest.class);
        ctx.status(HttpStatus.CREATED).json(bookings.book(request, Channel.CONSOLE, staffId(ctx)));
    }

    private void list(Context ctx) {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate from = ctx.queryParam("from") == null ? null : date(ctx, "from", problems);
        LocalDate to = ctx.queryParam("to") == null ? null : date(ctx, "to", problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        ctx.json(bookings.list(from, to, ctx.queryParam("service"), ctx.queryParam("status"), ctx.queryParam("q")));
    }

    private static @Nullable Long staffId(Context ctx) {
        return Callers.staff(ctx).map(StaffMember::id).orElse(null);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw DomainException.notFound("booking_not_found", "There is no booking " + ctx.pathParam("id") + ".");
        }
    }
}
