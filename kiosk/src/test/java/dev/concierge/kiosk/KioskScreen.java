package dev.concierge.kiosk;

import dev.concierge.testing.fx.FxWindow;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kiosk window as a window test sees it. Everything is read on the FX thread: the scene graph belongs to it, and a
 * test thread reading it meanwhile may see a half-changed, or an old, window. A click reaches the window through the
 * X server, maybe after the robot has returned, so tests wait for its effect rather than assert it at once.
 */
final class KioskScreen {
    private final FxWindow window;

    KioskScreen(FxWindow window) {
        this.window = window;
    }

    /** Opens the kiosk windowed on {@code server} with {@code args}, and waits for its welcome. */
    Stage open(URI server, String... args) throws Exception {
        String[] all = new String[args.length + 3];
        all[0] = "--server";
        all[1] = server.toString();
        all[2] = "--windowed";
        System.arraycopy(args, 0, all, 3, args.length);
        Stage stage = window.open(KioskApp.class, all);
        waitUntil(() -> visible("#welcome"));
        return stage;
    }

    FxRobot robot() {
        return window.robot();
    }

    /** Types {@code message} into the field and touches Send. */
    void say(String message) {
        FxRobot robot = window.robot();
        robot.interact(() -> robot.lookup("#message").queryAs(TextField.class).setText(message));
        robot.clickOn("#send");
    }

    /** Says {@code message} and waits until the assistant has answered it. */
    void sayAndWait(String message) throws Exception {
        int before = onFx(() -> robot().lookup("#assistant-line").queryAll().size());
        say(message);
        waitUntil(() -> robot().lookup("#assistant-line").queryAll().size() > before && !visible("#thinking"));
    }

    void click(String query) {
        window.robot().clickOn(query);
    }

    /** Whether a node {@code query} finds shows, it and all its parents visible; call on the FX thread. */
    boolean visible(String query) {
        for (Node node : window.robot().lookup(query).queryAll()) {
            boolean shown = true;
            for (Node at = node; at != null; at = at.getParent()) {
                shown &= at.isVisible();
            }
            if (shown) {
                return true;
            }
        }
        return false;
    }

    /** {@link #visible}, read on the FX thread. */
    boolean shows(String query) throws Exception {
        return onFx(() -> visible(query));
    }

    /** The text of the label or button {@code query} finds. */
    String text(String query) throws Exception {
        return onFx(() -> window.robot().lookup(query).queryLabeled().getText());
    }

    /** The texts of every line of the conversation with this role ({@code guest}, {@code notice}, …). */
    List<String> lines(String role) throws Exception {
        return onFx(() -> window.robot().lookup("#" + role + "-line").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList());
    }

    /** Waits up to 20 s for {@code condition}, read on the FX thread; on timeout says what the kiosk shows. */
    void waitUntil(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            window.screenshot("kiosk-timed-out.png");
            throw new AssertionError("waited 20 s; the kiosk shows: " + onFx(this::shown), e);
        }
    }

    void screenshot(String name) throws Exception {
        window.screenshot(name);
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** What a person would see: the full-screen notice, the lines of the conversation, the quick replies, overlays. */
    private String shown() {
        FxRobot robot = window.robot();
        List<String> seen = new ArrayList<>();
        for (String notice :
                List.of("#unpaired", "#out-of-service", "#connecting", "#welcome", "#idle-overlay", "#payment-panel")) {
            if (visible(notice)) {
                seen.add(notice);
            }
        }
        if (visible("#payment-panel")) {
            seen.add("payment: "
                    + robot.lookup("#payment-message").queryLabeled().getText());
        }
        robot.lookup(".access-button")
                .queryAllAs(Button.class)
                .forEach(setting -> seen.add("<" + setting.getText() + ">"));
        robot.lookup(".bubble").queryAllAs(Label.class).forEach(line -> seen.add(line.getId() + ": " + line.getText()));
        robot.lookup(".quick-reply").queryAllAs(Button.class).forEach(reply -> seen.add("[" + reply.getText() + "]"));
        robot.lookup("#message").queryAllAs(TextField.class).forEach(field -> seen.add("message: " + field.getText()));
        return String.join(" | ", seen);
    }
}
