package dev.concierge.kiosk;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The venue's colour on the kiosk: it takes the place of the product's amber on the accent buttons, the header's
 * line and the desk's bubbles, with the text on it black or white, whichever contrasts more (WCAG's relative
 * luminance), so a dark brand colour never leaves dark text on it.
 */
final class BrandColors {
    static final String DARK_TEXT = "#0b1a2e";
    static final String LIGHT_TEXT = "#ffffff";
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private BrandColors() {}

    /** The inline style that sets the kiosk's looked-up brand colours; empty for none (or not a colour). */
    static String style(@Nullable String brandColor) {
        if (brandColor == null || !HEX.matcher(brandColor).matches()) {
            return "";
        }
        String color = brandColor.toLowerCase(Locale.ROOT);
        return "-kiosk-brand: " + color + "; -kiosk-on-brand: " + textOn(color) + ";";
    }

    /** The text colour, dark or light, with the higher contrast ratio on {@code background} ({@code #rrggbb}). */
    static String textOn(String background) {
        double on = luminance(background);
        double withDark = (on + 0.05) / (luminance(DARK_TEXT) + 0.05);
        double withLight = (luminance(LIGHT_TEXT) + 0.05) / (on + 0.05);
        return withDark >= withLight ? DARK_TEXT : LIGHT_TEXT;
    }

    /** WCAG 2.x relative luminance of an sRGB colour. */
    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
