package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ChatReply;
import dev.concierge.api.LiveEvent;
import dev.concierge.api.Transcript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatViewModelTest {
    private final FakeKioskApi server = new FakeKioskApi();
    private final MutableClock clock = new MutableClock();
    private final List<RuntimeException> lost = new ArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private boolean holdCalls;
    private final Executor background = call -> {
        if (holdCalls) {
            held.add(call);
        } else {
            call.run();
        }
    };
    private ChatViewModel model = newModel(Duration.ofSeconds(60));

    private ChatViewModel newModel(Duration idle) {
        KioskApi paired = server.withDeviceToken("ckt_good");
        return new ChatViewModel(() -> paired, new Calls(background, Runnable::run), idle, clock, lost::add);
    }

    @BeforeEach
    void useVenue() {
        model.useVenue(FakeKioskApi.VENUE);
    }

    @Test
    void offersStarterQuickRepliesInTheVenuesFirstLanguage() {
        assertEquals("Hotel Miramar", model.venueNameProperty().get());
        assertEquals(List.of(Language.ENGLISH, Language.SPANISH), model.languages());
        assertEquals("Book a massage", model.quickReplies().get(0));

        model.choose(Language.SPANISH);

        assertEquals("Reservar un masaje", model.quickReplies().get(0));
        assertEquals("Bienvenido", model.getTexts().get("welcome"));
    }

    @Test
    void aScreenListeningToTheListsKeepsHearingAfterAGarbageCollection() {
        List<String> heard = new ArrayList<>();
        // as the screen does: a listener on the list it is handed, without keeping the list itself
        model.transcript().addListener((ListChangeListener<ChatViewModel.Entry>) change -> heard.add("transcript"));
        model.quickReplies().addListener((ListChangeListener<String>) change -> heard.add("quick replies"));
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        server.replies.add(FakeKioskApi.reply("c1", "Hello!", "en", "Book a massage"));

        model.send("hi");

        assertTrue(heard.contains("transcript"), () -> "heard " + heard);
        assertTrue(heard.contains("quick replies"), () -> "heard " + heard);
    }

    @Test
    void sendsTheTypedMessageOnTheKioskChannelInTheChosenLanguage() {
        server.replies.add(FakeKioskApi.reply("c1", "¡Hola! ¿En qué puedo ayudarle?", "es", "Reservar", "Pedir"));
        model.choose(Language.SPANISH);
        model.draftProperty().set("  hola  ");

        model.send();

        assertEquals(1, server.chats.size());
        assertEquals("hola", server.chats.get(0).message());
        assertEquals("es", server.chats.get(0).language());
        assertEquals("kiosk", server.chats.get(0).channel());
        assertNull(server.chats.get(0).conversationId());
        assertEquals("", model.draftProperty().get());
        assertEquals(
                List.of(
                        ChatViewModel.Entry.line(ChatViewModel.Role.GUEST, "hola"),
                        ChatViewModel.Entry.line(ChatViewModel.Role.ASSISTANT, "¡Hola! ¿En qué puedo ayudarle?")),
                model.transcript());
        assertEquals(List.of("Reservar", "Pedir"), model.quickReplies());
    }

    @Test
    void theNextTurnCarriesTheConversationId() {
        model.send("Hi");
        model.send("Is there parking?");

        assertEquals("c1", server.chats.get(1).conversationId());
    }

    @Test
    void aBookingBecomesAConfirmationCardWithReferenceWhatWhenAndTotal() {
        server.replies.add(FakeKioskApi.booked("c1", "en"));

        model.send("yes");

        ConfirmationCard card = model.transcript().get(2).card();
        assertNotNull(card);
        assertEquals("Booking confirmed", card.title());
        assertEquals("MIR-7K2Q", card.reference());
        assertEquals("60-minute massage · 1 person", card.what());
        assertEquals("Wednesday 11 March at 11:00", card.when());
        assertEquals("€80.00", card.total());
    }

    @Test
    void aSpanishCardSpeaksSpanish() {
        model.choose(Language.SPANISH);
        server.replies.add(FakeKioskApi.booked("c1", "es"));

        model.send("sí");

        ConfirmationCard card = model.transcript().get(2).card();
        assertNotNull(card);
        assertEquals("Reserva confirmada", card.title());
        assertEquals("Masaje de 60 minutos · 1 persona", card.what());
        assertEquals("miércoles 11 de marzo a las 11:00", card.when());
        assertEquals("80,00\u00a0€", card.total()); // a no-break space, as Spanish writes it
    }

    @Test
    void afterTheIdleTimeACountdownShowsAndMoreTimeHidesIt() {
        model.send("Hi");

        model.tick(clock.advance(Duration.ofSeconds(59)));
        assertFalse(model.countingDownProperty().get());
        model.tick(clock.advance(Duration.ofSeconds(2)));
        assertTrue(model.countingDownProperty().get());
        assertEquals(14, model.secondsLeftProperty().get());

        model.moreTime();

        assertFalse(model.countingDownProperty().get());
        assertEquals(2, model.transcript().size(), "the guest keeps the conversation");
    }

    @Test
    void whenTheCountdownRunsOutNothingOfTheGuestIsLeft() {
        model.choose(Language.SPANISH);
        model.send("Hola");
        model.draftProperty().set("mi correo es ana@");

        model.tick(clock.advance(Duration.ofSeconds(60)));
        assertTrue(model.countingDownProperty().get());
        model.tick(clock.advance(Duration.ofSeconds(15)));

        assertEquals(List.of(), model.transcript());
        assertEquals("", model.draftProperty().get());
        assertNull(model.conversationId());
        assertEquals(Language.ENGLISH, model.getLanguage(), "back to the venue's first language");
        assertEquals("Book a massage", model.quickReplies().get(0));
        assertFalse(model.countingDownProperty().get());
        assertEquals(List.of(), server.followers, "the live feed of that conversation is closed");
        model.send("Hi");
        assertNull(server.chats.get(1).conversationId(), "the next guest starts a new conversation");
    }

    @Test
    void anEmptyScreenNeverCountsDown() {
        model.tick(clock.advance(Duration.ofMinutes(10)));

        assertFalse(model.countingDownProperty().get());
    }

    @Test
    void aShortIdleTimeGetsAsShortAWarning() {
        model = newModel(Duration.ofSeconds(2));
        model.useVenue(FakeKioskApi.VENUE);
        model.send("Hi");

        model.tick(clock.advance(Duration.ofSeconds(2)));
        assertEquals(2, model.secondsLeftProperty().get());
        model.tick(clock.advance(Duration.ofSeconds(2)));

        assertEquals(List.of(), model.transcript());
    }

    @Test
    void aGuestWaitingForASlowAnswerIsNotIdle() {
        holdCalls = true;
        model.send("My name is Ana López");

        model.tick(clock.advance(Duration.ofSeconds(90))); // the server takes its time
        assertEquals(-1, model.secondsLeftProperty().get(), "no countdown while the answer is on its way");
        List.copyOf(held).forEach(Runnable::run); // (the live feed's catch-up is held in its turn)

        assertFalse(model.transcript().isEmpty(), "the answer is shown, not dropped by a reset");
        model.tick(clock.advance(Duration.ofSeconds(59)));
        assertEquals(-1, model.secondsLeftProperty().get(), "the idle time counts from the answer");
    }

    @Test
    void startOverDropsAnAnswerStillOnItsWay() {
        holdCalls = true;
        model.send("My name is Ana López");

        model.startOver();
        List.copyOf(held).forEach(Runnable::run); // (the live feed's catch-up is held in its turn)

        assertEquals(List.of(), model.transcript());
        assertNull(model.conversationId());
        assertFalse(model.sendingProperty().get());
    }

    @Test
    void callStaffAsksForAPersonInTheGuestsLanguageAndStaffRepliesShowLive() {
        model.choose(Language.SPANISH);
        server.replies.add(new ChatReply("c1", "Le paso con recepción.", "es", List.of(), true, null, null));

        model.callStaff();

        assertEquals(
                "Quiero hablar con una persona, por favor.", server.chats.get(0).message());
        assertTrue(model.handedOffProperty().get());
        assertEquals(1, server.followers.size());
        server.followers
                .get(0)
                .accept(LiveEvent.message("c1", new Transcript.Line("staff", "Hola, soy Marta.", "es", Instant.now())));
        assertEquals(
                ChatViewModel.Entry.line(ChatViewModel.Role.STAFF, "Hola, soy Marta."),
                model.transcript().get(model.transcript().size() - 1));
    }

    @Test
    void aStaffReplySentBeforeTheLiveFeedOpenedIsShownOnceFromTheStoredTranscript() {
        Transcript.Line marta =
                new Transcript.Line("staff", "Hi, this is Marta.", "en", Instant.parse("2026-03-10T09:00:05Z"));
        server.replies.add(
                new ChatReply("c1", "A member of staff will be with you.", "en", List.of(), true, null, null));
        server.transcript = new Transcript(
                "c1",
                "handoff",
                "en",
                List.of(
                        new Transcript.Line("guest", "I'd like to talk to a person, please.", "en", marta.at()),
                        marta));

        model.callStaff();
        // the desk's line also comes by the socket (it was published as the socket opened): still one line
        server.followers.get(0).accept(LiveEvent.message("c1", marta));

        assertEquals(
                1,
                model.transcript().stream()
                        .filter(entry -> entry.role() == ChatViewModel.Role.STAFF)
                        .count());
        assertEquals(
                ChatViewModel.Entry.line(ChatViewModel.Role.STAFF, "Hi, this is Marta."),
                model.transcript().get(model.transcript().size() - 1));
        assertTrue(model.handedOffProperty().get());
    }

    @Test
    void aReleaseBeforeTheLiveFeedOpenedTellsTheGuestTheAssistantIsBack() {
        server.replies.add(
                new ChatReply("c1", "A member of staff will be with you.", "en", List.of(), true, null, null));
        server.transcript = new Transcript("c1", "open", "en", List.of());

        model.callStaff();

        assertFalse(model.handedOffProperty().get());
        assertEquals(
                ChatViewModel.Entry.line(ChatViewModel.Role.NOTICE, "You are talking to our assistant again."),
                model.transcript().get(model.transcript().size() - 1));
    }

    @Test
    void theGuestsOwnLinesFromTheLiveFeedAreNotShownTwice() {
        model.send("Hi");
        server.followers
                .get(0)
                .accept(LiveEvent.message("c1", new Transcript.Line("guest", "Hi", "en", Instant.now())));

        assertEquals(2, model.transcript().size());
    }

    @Test
    void anUnreachableServerIsToldToTheKiosk() {
        server.down = true;

        model.send("Hi");

        assertEquals(1, lost.size());
        assertFalse(model.sendingProperty().get());
    }
}
