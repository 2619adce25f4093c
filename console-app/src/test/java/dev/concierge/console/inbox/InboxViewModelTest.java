package dev.concierge.console.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ConversationSummary;
import dev.concierge.api.LiveEvent;
import dev.concierge.api.Transcript;
import dev.concierge.api.VenueProfile;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.TestVenues;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class InboxViewModelTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

    private final FakeInbox server = new FakeInbox();
    private final FakeFeed feed = new FakeFeed();
    private final AtomicInteger rings = new AtomicInteger();
    private final List<Duration> waits = new ArrayList<>();
    private final List<Runnable> laterTasks = new ArrayList<>();
    private final InboxViewModel model = new InboxViewModel(
            dev.concierge.console.Texts.english(),
            server,
            feed,
            rings::incrementAndGet,
            (wait, task) -> {
                waits.add(wait);
                laterTasks.add(task);
            },
            MADRID,
            "Marta Ferrer",
            new ServerCalls(Runnable::run, Runnable::run, () -> {}),
            Runnable::run);

    @Test
    void listsTheGuestsWaitingNewestFirstWithWhatTheyWanted() {
        server.add(conversation("c-1", "handoff", "en", NOW.minusSeconds(1200), "I want to talk to a person"));
        ConversationSummary booking = new ConversationSummary(
                "c-2",
                "kiosk",
                "handoff",
                "es",
                NOW.minusSeconds(300),
                "Quiero hablar con alguien",
                null,
                "book_service",
                orderedSlots("service", "massage-60", "date", "2026-03-11", "time", "11:00", "party", "2"),
                "request");
        server.add(booking);

        model.start();

        assertEquals(List.of("c-2", "c-1"), ids(), "newest first");
        InboxRow first = model.rows().get(0);
        assertEquals("Waiting · kiosk · es", first.title());
        assertEquals("since 08:55 · 5 min", first.waiting());
        assertEquals(
                "Wanted: book 60-minute massage · 2026-03-11 · 11:00 · party 2 · asked for a person", first.summary());
        assertEquals(2, model.waitingCountProperty().get());
        assertEquals(0, rings.get(), "what was waiting before the console opened does not ring");
    }

    @Test
    void inSpanishWhatTheGuestWantedIsSaidInSpanish() {
        InboxViewModel spanish = new InboxViewModel(
                new dev.concierge.console.Texts(dev.concierge.console.UiLanguage.ES),
                server,
                feed,
                rings::incrementAndGet,
                (wait, task) -> laterTasks.add(task),
                MADRID,
                "Marta Ferrer",
                new ServerCalls(Runnable::run, Runnable::run, () -> {}),
                Runnable::run);
        server.add(new ConversationSummary(
                "c-2",
                "kiosk",
                "handoff",
                "es",
                NOW.minusSeconds(300),
                "Quiero hablar con alguien",
                null,
                "book_room",
                orderedSlots("nights", "3", "party", "2", "payment", "room"),
                "frustration"));
        server.add(new ConversationSummary(
                "c-1", "web", "handoff", "en", NOW.minusSeconds(600), "Hello?", null, null, Map.of(), "request"));

        spanish.start();

        assertEquals(
                "Quiere: reservar una habitación · 3 noches · grupo de 2 · pago: a la habitación · mostró frustración",
                spanish.rows().get(0).summary());
        assertEquals("Pidió hablar con una persona.", spanish.rows().get(1).summary());
        server.lines.add(new Transcript.Line("guest", "Quiero hablar con alguien", "es", NOW));
        server.lines.add(new Transcript.Line("assistant", "Enseguida le atiende una persona.", "es", NOW));
        server.lines.add(new Transcript.Line("system", "Handoff", "es", NOW));
        spanish.select(spanish.rows().get(0));
        assertEquals(
                List.of("Huésped", "Asistente", "system"),
                spanish.lines().stream().map(TranscriptLine::who).toList(),
                "the roles in Spanish; one the console does not know in its API words");
    }

    @Test
    void aNewHandoffOnTheFeedRingsAndCountsAtOnce() {
        model.start();
        feed.listener().opened();
        assertEquals(
                "Live: new messages appear at once.", model.feedTextProperty().get());

        server.add(conversation("c-1", "handoff", "en", NOW, "I want to talk to a person"));
        feed.listener().event(LiveEvent.status("c-1", "handoff"));

        assertEquals(1, rings.get());
        assertEquals(1, model.waitingCountProperty().get());
        assertEquals(List.of("c-1"), ids(), "listed again without a click");
    }

    @Test
    void theSelectedTranscriptGrowsLiveWithoutDoublingALine() {
        server.add(conversation("c-1", "handoff", "en", NOW, "I want to talk to a person"));
        server.lines.add(new Transcript.Line("guest", "I want to talk to a person", "en", NOW));
        server.lines.add(new Transcript.Line("assistant", "Of course, a person will answer.", "en", NOW));
        model.start();

        model.select(model.rows().get(0));
        assertEquals(List.of("guest", "assistant"), roles());
        Transcript.Line next = new Transcript.Line("guest", "My shower is broken", "en", NOW.plusSeconds(60));
        feed.listener().event(LiveEvent.message("c-1", next));
        feed.listener().event(LiveEvent.message("c-1", next));
        feed.listener().event(LiveEvent.message("c-other", next));

        assertEquals(List.of("guest", "assistant", "guest"), roles());
        assertEquals("My shower is broken", model.lines().get(2).text());
    }

    @Test
    void takingOverGreetsInTheGuestsLanguageAndDoesNotRingForItself() {
        server.add(conversation("c-1", "open", "es", NOW, "¿A qué hora es la salida?"));
        model.filterProperty().set(InboxViewModel.Filter.WAITING_AND_OPEN);
        model.start();
        model.select(model.rows().get(0));
        assertEquals("open", model.selectedStatusProperty().get());

        model.takeOver();
        feed.listener().event(LiveEvent.status("c-1", "handoff"));

        assertEquals(List.of("c-1: Hola, soy Marta, de recepción. ¿En qué puedo ayudarle?"), server.replies);
        assertEquals("handoff", model.selectedStatusProperty().get());
        assertEquals(0, rings.get());
    }

    @Test
    void aReplyIsSentAndTheBoxEmptiedAndCannedRepliesGoInTheGuestsLanguage() {
        server.add(conversation("c-1", "handoff", "en", NOW, "Hello?"));
        model.start();
        model.select(model.rows().get(0));

        model.send();
        assertEquals("Write a reply first.", model.problemProperty().get());
        model.insertCanned(1);
        assertEquals(
                "One moment, please: I am checking that for you.",
                model.replyProperty().get());
        model.send();

        assertEquals(List.of("c-1: One moment, please: I am checking that for you."), server.replies);
        assertEquals("", model.replyProperty().get());
        assertEquals("staff", model.lines().get(model.lines().size() - 1).role());
    }

    @Test
    void releaseGivesTheConversationBackToTheAssistant() {
        server.add(conversation("c-1", "handoff", "en", NOW, "Thanks"));
        model.start();
        model.select(model.rows().get(0));

        model.release();

        assertEquals(List.of("c-1"), server.released);
        assertEquals("open", model.selectedStatusProperty().get());
        assertEquals(
                "The assistant answers this guest again.",
                model.noticeProperty().get());
    }

    @Test
    void aLostFeedIsOpenedAgainWithGrowingWaitsAndTheListAskedAgain() {
        model.start();
        assertEquals(1, feed.opened);

        feed.listener().lost("The server closed the inbox's live feed");
        assertFalse(model.liveProperty().get());
        assertTrue(
                model.feedTextProperty().get().contains("Trying again in 1 s"),
                model.feedTextProperty().get());
        laterTasks.remove(0).run();
        feed.listener().lost("again");
        laterTasks.remove(0).run();
        feed.listener().lost("and again");

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
        laterTasks.remove(0).run();
        int listedBefore = server.listed;
        server.add(conversation("c-9", "handoff", "en", NOW, "Anyone?"));
        feed.listener().opened();
        assertEquals(listedBefore + 1, server.listed, "re-listed once the feed is back");
        assertEquals(1, rings.get(), "handed over while the feed was down");
        assertEquals(
                "Live: new messages appear at once.", model.feedTextProperty().get());
    }

    @Test
    void aStoppedInboxDoesNotReconnect() {
        model.start();
        model.stop();

        assertTrue(feed.closed);
        assertTrue(laterTasks.isEmpty());
    }

    private List<String> ids() {
        return model.rows().stream().map(InboxRow::id).toList();
    }

    private List<String> roles() {
        return model.lines().stream().map(TranscriptLine::role).toList();
    }

    private static Map<String, String> orderedSlots(String... keysAndValues) {
        Map<String, String> slots = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            slots.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return slots;
    }

    private static ConversationSummary conversation(
            String id, String status, String language, Instant at, String last) {
        return new ConversationSummary(id, "web", status, language, at, last, null);
    }

    /** The conversations as the server keeps them, one transcript for whichever is asked. */
    private static final class FakeInbox implements InboxApi {
        final Map<String, ConversationSummary> conversations = new LinkedHashMap<>();
        final List<Transcript.Line> lines = new ArrayList<>();
        final List<String> replies = new ArrayList<>();
        final List<String> released = new ArrayList<>();
        int listed;

        void add(ConversationSummary conversation) {
            conversations.put(conversation.id(), conversation);
        }

        @Override
        public VenueProfile venue() {
            return TestVenues.miramar(OffsetDateTime.parse("2026-03-10T09:00+01:00"));
        }

        @Override
        public List<ConversationSummary> conversations(String status) {
            if (status.equals("handoff")) {
                listed++;
            }
            return conversations.values().stream()
                    .filter(c -> c.status().equals(status))
                    .toList();
        }

        @Override
        public Transcript transcript(String conversationId) {
            ConversationSummary c = conversations.get(conversationId);
            return new Transcript(conversationId, c.status(), c.language(), lines);
        }

        @Override
        public Transcript reply(String conversationId, String text) {
            replies.add(conversationId + ": " + text);
            lines.add(new Transcript.Line("staff", text, "en", NOW.plusSeconds(replies.size())));
            setStatus(conversationId, "handoff");
            return transcript(conversationId);
        }

        @Override
        public Transcript release(String conversationId) {
            released.add(conversationId);
            setStatus(conversationId, "open");
            return transcript(conversationId);
        }

        private void setStatus(String id, String status) {
            ConversationSummary c = conversations.get(id);
            conversations.put(
                    id,
                    new ConversationSummary(
                            c.id(),
                            c.channel(),
                            status,
                            c.language(),
                            c.lastMessageAt(),
                            c.lastMessage(),
                            c.contactId(),
                            c.task(),
                            c.slots(),
                            c.handoffReason()));
        }
    }

    /** A feed a test pushes events into. */
    private static final class FakeFeed implements InboxFeed {
        private @Nullable Listener listener;
        int opened;
        boolean closed;

        @Override
        public Subscription open(Listener newListener) {
            listener = newListener;
            opened++;
            return () -> closed = true;
        }

        Listener listener() {
            if (listener == null) {
                throw new AssertionError("the feed was never opened");
            }
            return listener;
        }
    }
}
