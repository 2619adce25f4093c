package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ChatReply;
import dev.concierge.api.LiveEvent;
import dev.concierge.api.Transcript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessibilityViewModelTest {
    /** What the kiosk would have said, and how often it was told to stop. */
    static final class RecordingSpeech implements Speech {
        final List<String> said = new ArrayList<>();
        int stops;

        @Override
        public void say(String text, Language language) {
            said.add(language.code() + ": " + text);
        }

        @Override
        public void stop() {
            stops++;
        }
    }

    private final FakeKioskApi server = new FakeKioskApi();
    private final MutableClock clock = new MutableClock();
    private final RecordingSpeech speech = new RecordingSpeech();
    private int chimes;
    private final ChatViewModel chat = new ChatViewModel(
            () -> server.withDeviceToken("ckt_good"),
            new Calls(Runnable::run, Runnable::run),
            Duration.ofSeconds(60),
            clock,
            failure -> {});
    private final AccessibilityViewModel access = new AccessibilityViewModel(chat, speech, () -> chimes++);

    @BeforeEach
    void useVenue() {
        chat.useVenue(FakeKioskApi.VENUE);
    }

    @Test
    void repliesAreReadAloudInTheConversationsLanguageOnlyInAccessibilityMode() {
        server.replies.add(FakeKioskApi.reply("c1", "Hello!", "en"));
        chat.send("hi");
        assertEquals(List.of(), speech.said);

        chat.choose(Language.SPANISH);
        access.toggleAccessibilityMode();
        speech.said.clear();
        server.replies.add(FakeKioskApi.reply("c1", "¡Hola!", "es"));
        chat.send("hola");

        assertEquals(List.of("es: ¡Hola!"), speech.said);
    }

    @Test
    void aStaffLineIsReadAloudTooButNotWhatTheGuestSaid() {
        access.toggleAccessibilityMode();
        speech.said.clear();
        server.replies.add(
                new ChatReply("c1", "A member of staff will be with you.", "en", List.of(), true, null, null));
        chat.callStaff();
        server.followers
                .get(0)
                .accept(LiveEvent.message(
                        "c1", new Transcript.Line("staff", "Hi, this is Marta.", "en", Instant.now())));

        assertEquals(
                List.of(
                        "en: A member of staff will be with you.",
                        "en: A member of staff will answer you here in a moment.",
                        "en: Hi, this is Marta."),
                speech.said);
    }

    @Test
    void accessibilityModeMakesTheTextLargerAndSaysItIsOn() {
        access.toggleAccessibilityMode();

        assertTrue(access.accessibilityModeProperty().get());
        assertEquals(TextSize.LARGE, access.textSizeProperty().get());
        assertTrue(speech.said.get(0).startsWith("en: Accessibility mode is on"));

        access.toggleAccessibilityMode();
        assertEquals(1, speech.stops, "off stops speaking");
    }

    @Test
    void theIdleCountdownChimesAndInAccessibilityModeIsSpoken() {
        server.replies.add(FakeKioskApi.reply("c1", "Hello!", "en"));
        chat.send("hi");
        clock.advance(Duration.ofSeconds(61));
        chat.tick(clock.get());
        assertEquals(1, chimes);
        assertTrue(speech.said.isEmpty());

        chat.moreTime();
        access.toggleAccessibilityMode();
        clock.advance(Duration.ofSeconds(61));
        chat.tick(clock.get());
        assertEquals(2, chimes);
        assertTrue(speech.said.get(speech.said.size() - 1).startsWith("en: Are you still there?"));
    }

    @Test
    void startOverPutsEverySettingBackAndStopsSpeaking() {
        access.toggleAccessibilityMode();
        access.nextTextSize();
        access.toggleReachLayout();
        access.toggleKeyboard();
        int stops = speech.stops;

        chat.startOver();

        assertFalse(access.accessibilityModeProperty().get());
        assertEquals(TextSize.NORMAL, access.textSizeProperty().get());
        assertFalse(access.reachLayoutProperty().get());
        assertFalse(access.keyboardShownProperty().get());
        assertEquals(stops + 1, speech.stops);
    }

    @Test
    void anIdleConversationDroppedByTheCountdownPutsTheSettingsBackToo() {
        server.replies.add(FakeKioskApi.reply("c1", "Hello!", "en"));
        chat.send("hi");
        access.toggleReachLayout();
        clock.advance(Duration.ofSeconds(80));
        chat.tick(clock.get());

        assertTrue(chat.transcript().isEmpty());
        assertFalse(access.reachLayoutProperty().get());
    }

    @Test
    void textSizeGoesRoundNormalLargeExtraLarge() {
        access.nextTextSize();
        assertEquals(TextSize.LARGE, access.textSizeProperty().get());
        access.nextTextSize();
        assertEquals(TextSize.EXTRA_LARGE, access.textSizeProperty().get());
        access.nextTextSize();
        assertEquals(TextSize.NORMAL, access.textSizeProperty().get());
    }
}
