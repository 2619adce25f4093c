package dev.concierge.kiosk;

import dev.concierge.api.ApiException;
import dev.concierge.api.KioskDevice;
import dev.concierge.api.VenueProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The kiosk as a whole: pairs once with a code and keeps the device token, then shows the chat while the server
 * answers. Unreachable, it shows "out of service" and tries again every {@link #RETRY}; while it chats it checks the
 * server every {@link #HEARTBEAT}, so a server gone (or an unpairing in the console) shows even when nobody types.
 */
final class KioskViewModel {
    static final Duration RETRY = Duration.ofSeconds(3);
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    /** What the whole screen shows. */
    enum Screen {
        CONNECTING,
        UNPAIRED,
        OUT_OF_SERVICE,
        CHAT
    }

    private final KioskApi server;
    private final KioskSettings settings;
    private final Calls calls;
    private final Supplier<Instant> clock;
    private final ChatViewModel chat;
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(this, "screen", Screen.CONNECTING);

    private @Nullable KioskApi paired;
    private @Nullable String pairingCode;
    private @Nullable Instant nextCheck;
    private boolean checking;

    KioskViewModel(KioskApi server, KioskSettings settings, Calls calls, Duration idle, Supplier<Instant> clock) {
        this.server = server;
        this.settings = settings;
        this.calls = calls;
        this.clock = clock;
        this.chat = new ChatViewModel(this::pairedServer, calls, idle, clock, this::lost);
    }

    /** Pairs with {@code code} when there is one, else connects with the stored token, if any. */
    void start(Optional<String> code) {
        pairingCode = code.filter(typed -> !typed.isBlank()).orElse(null);
        if (pairingCode != null) {
            pair(pairingCode);
            return;
        }
        Optional<KioskSettings.Pairing> stored = settings.pairing();
        if (stored.isEmpty()) {
            screen.set(Screen.UNPAIRED);
            return;
        }
        paired = server.withDeviceToken(stored.get().token());
        check();
    }

    /** Called every half second or so: the retries, the heartbeat and the guest's idle countdown. */
    void tick() {
        Instant now = clock.get();
        if (nextCheck != null && !checking && !now.isBefore(nextCheck)) {
            nextCheck = null;
            if (pairingCode != null) {
                pair(pairingCode);
            } else {
                check();
            }
        }
        if (screen.get() == Screen.CHAT) {
            chat.tick(now);
        }
    }

    private void pair(String code) {
        checking = true;
        calls.call(() -> server.pair(code), this::paired, failure -> {
            checking = false;
            if (Calls.unreachable(failure)) {
                outOfService();
                return;
            }
            // a code already used (the kiosk restarted with the same command line): the stored token still works
            pairingCode = null;
            Optional<KioskSettings.Pairing> stored = settings.pairing();
            if (stored.isPresent()) {
                paired = server.withDeviceToken(stored.get().token());
                check();
            } else {
                screen.set(Screen.UNPAIRED);
            }
        });
    }

    private void paired(KioskDevice device) {
        checking = false;
        pairingCode = null;
        settings.savePairing(new KioskSettings.Pairing(device.token(), device.kioskId(), device.name()));
        paired = server.withDeviceToken(device.token());
        check();
    }

    private void check() {
        KioskApi kiosk = paired;
        if (kiosk == null) {
            screen.set(Screen.UNPAIRED);
            return;
        }
        checking = true;
        calls.call(kiosk::venue, this::answered, failure -> {
            checking = false;
            lost(failure);
        });
    }

    private void answered(VenueProfile venue) {
        checking = false;
        chat.useVenue(venue);
        if (screen.get() != Screen.CHAT) {
            chat.startOver();
            screen.set(Screen.CHAT);
        }
        nextCheck = clock.get().plus(HEARTBEAT);
    }

    /** A call failed: unreachable is out of service (and retried), unknown to the server is unpaired. */
    private void lost(RuntimeException failure) {
        if (Calls.unpaired(failure)) {
            chat.startOver();
            nextCheck = null;
            screen.set(Screen.UNPAIRED);
        } else if (Calls.unreachable(failure) || failure instanceof ApiException e && e.status() >= 500) {
            outOfService();
        } else {
            // some other refusal of GET /api/venue: keep what the guest sees and ask again later
            nextCheck = clock.get().plus(HEARTBEAT);
        }
    }

    private void outOfService() {
        // whoever was at the kiosk has likely gone by the time it works again: nothing of them is kept
        chat.startOver();
        screen.set(Screen.OUT_OF_SERVICE);
        nextCheck = clock.get().plus(RETRY);
    }

    private KioskApi pairedServer() {
        KioskApi kiosk = paired;
        if (kiosk == null) {
            throw new IllegalStateException("the kiosk is not paired");
        }
        return kiosk;
    }

    ChatViewModel chat() {
        return chat;
    }

    ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    Screen getScreen() {
        return screen.get();
    }
}
