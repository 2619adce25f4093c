package dev.concierge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.api.ApiJson;
import dev.concierge.api.ChatReply;
import dev.concierge.api.ChatRequest;
import dev.concierge.assistant.DialogueState;
import dev.concierge.assistant.GuestMessage;
import dev.concierge.assistant.LocalAssistant;
import dev.concierge.assistant.Turn;
import dev.concierge.booking.BookingService;
import dev.concierge.common.Channel;
import dev.concierge.common.RateLimit;
import dev.concierge.conversation.ConversationService;
import dev.concierge.conversation.LiveUpdates;
import dev.concierge.crm.ContactService;
import dev.concierge.knowledge.KnowledgeService;
import dev.concierge.order.OrderService;
import dev.concierge.outbox.OutboxRepository;
import dev.concierge.storage.Database;
import dev.concierge.venue.VenueFile;
import dev.concierge.venue.VenueService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One guest turn of the offline assistant, in-process, over the demo hotel on a real H2 file database with the clock
 * frozen at {@link ChatScripts#NOW}: the engine alone ({@link LocalAssistant#respond}) and a whole turn through
 * {@link ConversationService#turn} (conversation loaded, both messages and the dialogue state stored). Each call is the
 * next line of {@link ChatScripts}, round-robin, so the percentiles are over the whole mix. Target: p99 under 10 ms.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class AssistantBenchmark {

    /** The demo hotel wired as {@code ConciergeServer} wires it, minus the web. */
    @State(Scope.Benchmark)
    public static class Hotel {
        Path dir;
        Database database;
        LocalAssistant assistant;
        ConversationService conversations;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "concierge-bench");
            database = Database.open(dir, null, null, null);
            ObjectMapper json = ApiJson.newMapper();
            VenueFile demo = VenueService.demoVenue();
            ZoneId zone = demo.venue().timezone();
            // what CONCIERGE_NOW does (app.Clocks): the venue-local moment, frozen
            Clock clock = Clock.fixed(
                    LocalDateTime.parse(ChatScripts.NOW).atZone(zone).toInstant(), zone);
            VenueService venues = new VenueService(database.dsl(), json, clock);
            venues.importVenue(demo);
            OutboxRepository outbox = new OutboxRepository(json);
            ContactService contacts = new ContactService(database.dsl(), venues, outbox, clock);
            OrderService orders = new OrderService(database.dsl(), venues, contacts, outbox, clock);
            BookingService bookings =
                    new BookingService(database.dsl(), venues, contacts, outbox, clock, orders::settleFolio);
            assistant = new LocalAssistant(
                    venues, bookings, orders, contacts, new KnowledgeService(venues, dir.resolve("cache")), clock);
            // the same few conversations over and over, far past a guest's rate: no limit here
            conversations = new ConversationService(
                    database.dsl(),
                    assistant,
                    outbox,
                    json,
                    clock,
                    () -> "en",
                    LiveUpdates.NONE,
                    new RateLimit(Integer.MAX_VALUE, Duration.ofMinutes(1), 100));
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            database.close();
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Where one benchmark thread is in the mix of scripts. */
    @State(Scope.Thread)
    public static class Guest {
        int script;
        int line = -1;
        String conversationId = "";
        DialogueState state = DialogueState.fresh();

        /** Moves to the next line, starting the next script (a new conversation) after the last line of one. */
        ChatScripts.Script advance() {
            ChatScripts.Script current = ChatScripts.ALL.get(script);
            line++;
            if (line == current.lines().size()) {
                script = (script + 1) % ChatScripts.ALL.size();
                current = ChatScripts.ALL.get(script);
                line = 0;
            }
            if (line == 0) {
                conversationId = UUID.randomUUID().toString();
                state = DialogueState.fresh();
            }
            return current;
        }
    }

    @Benchmark
    public Turn engineAlone(Hotel hotel, Guest guest) {
        ChatScripts.Script script = guest.advance();
        Turn turn = hotel.assistant.respond(
                guest.state,
                new GuestMessage(
                        script.lines().get(guest.line),
                        script.language(),
                        Channel.WEB,
                        guest.conversationId,
                        List.of()));
        guest.state = turn.state();
        return turn;
    }

    @Benchmark
    public ChatReply wholeTurn(Hotel hotel, Guest guest) {
        ChatScripts.Script script = guest.advance();
        ChatReply reply = hotel.conversations.turn(new ChatRequest(
                guest.line == 0 ? null : guest.conversationId, script.lines().get(guest.line), null, "web"));
        guest.conversationId = reply.conversationId();
        return reply;
    }
}
