package dev.concierge.assistant.local;

/**
 * Tells English from Spanish by the words of one message: each word of {@link CommonWords}' lists is a point for its
 * language; "ñ", "¿" and "¡" are two points for Spanish and an accented vowel one. E-mail addresses and links count
 * for nothing. One pass over the characters, no regular expressions; stateless and thread-safe.
 */
public final class LanguageDetector {
    private static final int LONGEST_WORD = 24;

    public LanguageDetector() {}

    /**
     * "en" or "es"; {@code fallback} when the text gives no evidence (e.g. "ok", "19:00", an e-mail) or as much for
     * one language as for the other.
     */
    public String detect(String text, String fallback) {
        Score score = new Score();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (end > start && !isAddress(text, start, end)) {
                score.chunk(text, start, end);
            }
            start = end + 1;
        }
        return score.spanish > score.english ? "es" : score.english > score.spanish ? "en" : fallback;
    }

    /** An e-mail address or a link, whose words are no language. */
    private static boolean isAddress(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '@' || (c == '/' && i + 1 < end && text.charAt(i + 1) == '/')) {
                return true;
            }
        }
        return text.startsWith("www.", start);
    }

    /** The points of one message; one per call. */
    private static final class Score {
        private final char[] word = new char[LONGEST_WORD];
        private int length;
        private int spanish;
        private int english;

        void chunk(String text, int start, int end) {
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                spanish += evidence(c);
                char folded = Folding.fold(c);
                if (Character.isLetter(folded) || (folded == '\'' && length > 0)) {
                    if (length < LONGEST_WORD) {
                        word[length++] = folded;
                    }
                } else {
                    endWord();
                }
            }
            endWord();
        }

        private void endWord() {
            if (length > 0) {
                String w = new String(word, 0, length);
                spanish += CommonWords.SPANISH.contains(w) ? 1 : 0;
                english += CommonWords.ENGLISH.contains(w) ? 1 : 0;
                length = 0;
            }
        }

        private static int evidence(char c) {
            return switch (c) {
                case 'ñ', 'Ñ', '¿', '¡' -> 2;
                case 'á', 'é', 'í', 'ó', 'ú', 'Á', 'É', 'Í', 'Ó', 'Ú' -> 1;
                default -> 0;
            };
        }
    }
}
