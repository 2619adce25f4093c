package dev.concierge.assistant.local;

/**
 * Text folded for comparing words: lower case, without accents, one char for one char, so that an offset in the folded
 * text is the same offset in the original (names keep their accents by being cut from the original).
 */
final class Folding {
    private Folding() {}

    static String fold(String text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = fold(text.charAt(i));
        }
        return new String(folded);
    }

    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        char lower = Character.toLowerCase(c);
        return switch (lower) {
            case 'á', 'à', 'â', 'ä', 'ã', 'å' -> 'a';
            case 'é', 'è', 'ê', 'ë' -> 'e';
            case 'í', 'ì', 'î', 'ï' -> 'i';
            case 'ó', 'ò', 'ô', 'ö', 'õ' -> 'o';
            case 'ú', 'ù', 'û', 'ü' -> 'u';
            case 'ñ' -> 'n';
            case 'ç' -> 'c';
            case '’', '‘', '´', '`' -> '\'';
            default -> lower;
        };
    }
}
