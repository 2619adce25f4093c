package dev.concierge.console;

import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the console's window was and how big, kept in the console's settings when it closes and used at the next
 * start, so the desk finds it where they left it. A place no screen shows any more (a monitor unplugged) is ignored
 * and the window opens at its usual size.
 *
 * @param maximized whether it filled the screen; the bounds are then those it goes back to
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    static final String KEY = "window";
    private static final double SMALLEST_WIDTH = 640;
    private static final double SMALLEST_HEIGHT = 480;

    /** "x,y,width,height[,maximized]" as written by {@link #toString}; empty when unreadable or too small. */
    static Optional<WindowPlacement> parse(String text) {
        String[] parts = text.split(",");
        if (parts.length < 4 || parts.length > 5) {
            return Optional.empty();
        }
        try {
            WindowPlacement placement = new WindowPlacement(
                    Double.parseDouble(parts[0]),
                    Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]),
                    Double.parseDouble(parts[3]),
                    parts.length == 5 && parts[4].equals("maximized"));
            return placement.width() >= SMALLEST_WIDTH && placement.height() >= SMALLEST_HEIGHT
                    ? Optional.of(placement)
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f", x, y, width, height) + (maximized ? ",maximized" : "");
    }

    /** Whether some screen shows at least a corner of it big enough to grab (its title bar). */
    boolean visibleOn(java.util.List<Rectangle2D> screens) {
        Rectangle2D titleBar = new Rectangle2D(x, y, width, 40);
        return screens.stream().anyMatch(screen -> screen.intersects(titleBar));
    }

    /** Puts {@code stage} where it was last time, if that is known and still on a screen. */
    static void restore(Stage stage, ConsoleSettings settings) {
        settings.get(KEY)
                .flatMap(WindowPlacement::parse)
                .filter(placement -> placement.visibleOn(Screen.getScreens().stream()
                        .map(Screen::getVisualBounds)
                        .toList()))
                .ifPresent(placement -> {
                    stage.setX(placement.x());
                    stage.setY(placement.y());
                    stage.setWidth(placement.width());
                    stage.setHeight(placement.height());
                    stage.setMaximized(placement.maximized());
                });
    }

    /** Keeps where {@code stage} is now, for the next start; a window that cannot be written is not worth an error. */
    static void remember(Stage stage, ConsoleSettings settings) {
        if (Double.isNaN(stage.getX()) || stage.getWidth() <= 0) {
            return;
        }
        try {
            settings.put(
                    KEY,
                    new WindowPlacement(
                                    stage.getX(),
                                    stage.getY(),
                                    stage.getWidth(),
                                    stage.getHeight(),
                                    stage.isMaximized())
                            .toString());
        } catch (java.io.UncheckedIOException notWritten) {
            // the next start opens at the usual size
        }
    }
}
