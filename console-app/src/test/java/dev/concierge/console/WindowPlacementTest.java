package dev.concierge.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    private static final List<Rectangle2D> ONE_SCREEN = List.of(new Rectangle2D(0, 0, 1920, 1040));

    @Test
    void whatIsWrittenIsReadBack() {
        WindowPlacement placement = new WindowPlacement(120, 80, 1280, 800, true);

        assertEquals("120,80,1280,800,maximized", placement.toString());
        assertEquals(Optional.of(placement), WindowPlacement.parse(placement.toString()));
        assertEquals(Optional.of(new WindowPlacement(0, 0, 1100, 760, false)), WindowPlacement.parse("0,0,1100,760"));
    }

    @Test
    void nonsenseOrATinyWindowIsIgnored() {
        assertEquals(Optional.empty(), WindowPlacement.parse("wide"));
        assertEquals(Optional.empty(), WindowPlacement.parse("1,2,3"));
        assertEquals(Optional.empty(), WindowPlacement.parse("0,0,200,100"));
    }

    @Test
    void aPlaceNoScreenShowsAnyMoreIsNotUsed() {
        assertTrue(new WindowPlacement(100, 100, 1100, 760, false).visibleOn(ONE_SCREEN));
        assertTrue(new WindowPlacement(1800, 20, 1100, 760, false).visibleOn(ONE_SCREEN), "a corner to grab");
        assertFalse(
                new WindowPlacement(2200, 100, 1100, 760, false).visibleOn(ONE_SCREEN),
                "on the second monitor, since unplugged");
    }
}
