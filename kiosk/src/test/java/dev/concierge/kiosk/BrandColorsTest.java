package dev.concierge.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BrandColorsTest {
    @Test
    void textOnTheBrandColourIsWhicheverContrastsMore() {
        assertEquals(BrandColors.DARK_TEXT, BrandColors.textOn("#ffd166"), "dark on amber");
        assertEquals(BrandColors.LIGHT_TEXT, BrandColors.textOn("#1d5c8c"), "white on a deep blue");
        assertEquals(BrandColors.LIGHT_TEXT, BrandColors.textOn("#8b0000"), "white on dark red");
        assertEquals(BrandColors.DARK_TEXT, BrandColors.textOn("#ffffff"));
    }

    @Test
    void theStyleSetsBothLookedUpColoursAndNothingForNoColour() {
        assertEquals("-kiosk-brand: #1d5c8c; -kiosk-on-brand: #ffffff;", BrandColors.style("#1D5C8C"));
        assertEquals("", BrandColors.style(null));
        assertEquals("", BrandColors.style("red; -fx-rotate: 180"), "only a colour goes into the style");
    }

    @Test
    void luminanceIsWcags() {
        assertEquals(1.0, BrandColors.luminance("#ffffff"), 1e-9);
        assertEquals(0.0, BrandColors.luminance("#000000"), 1e-9);
        assertEquals(0.2126, BrandColors.luminance("#ff0000"), 1e-4);
    }
}
