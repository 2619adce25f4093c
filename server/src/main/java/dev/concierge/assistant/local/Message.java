package dev.concierge.assistant.local;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.concierge.assistant.local.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One guest message split into tokens, with a mark on each number some reader has taken (a party size, a day of the
 * month), so that what is left over is the message's other numbers. One per call: not shared between threads.
 */
final class Message {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** A phone number has at least this many digits; shorter runs are room numbers, party sizes, prices. */
    private static final int PHONE_DIGITS = 7;

    private static final String SUFFIX = "[ap]\\.?m\\.?(?![a-z])";

    /** Read on the folded text; alternatives are tried in this order at each position. */
    private static final Pattern TOKEN = Pattern.compile(String.join(
            "|",
            "(?<email>[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,})",
            // two letters, a dash and four of References.ALPHABET (no 0/O, 1/I/L)
            "(?<reference>(?<![\\p{L}\\d-])[a-z]{2}-[a-hjkmnp-z2-9]{4}(?![\\p{L}\\d]))",
            "(?<![\\d/.-])(?<isoy>\\d{4})-(?<isom>\\d{1,2})-(?<isod>\\d{1,2})(?!\\d)",
            "(?<![\\d/.-])(?<dmyd>\\d{1,2})[/.-](?<dmym>\\d{1,2})[/.-](?<dmyy>\\d{4}|\\d{2})(?!\\d)",
            "(?<![\\d/.])(?<dmd>\\d{1,2})/(?<dmm>\\d{1,2})(?![\\d/])",
            "(?<![\\d:.])(?<clockh>\\d{1,2})[:.](?<clockm>[0-5]\\d)(?:\\s?(?<clocks>" + SUFFIX + ")|(?<clock24>h))?"
                    + "(?![\\d:])",
            "(?<![\\d:.])(?<hourh>\\d{1,2})h(?<hourm>[0-5]\\d)?(?![\\p{L}\\d])",
            "(?<![\\d:.])(?<meridiemh>\\d{1,2})\\s?(?<meridiem>" + SUFFIX + ")",
            "(?<!\\d)(?<ordinal>\\d{1,2})(?:st|nd|rd|th)(?![\\p{L}\\d])",
            "(?<number>\\d+)",
            "(?<word>\\p{L}+(?:['-]\\p{L}+)*)",
            "(?<punct>[.,;:!?¿¡()\"-])"));

    private static final Set<String> ARTICLES = Set.of("a", "an", "un", "una", "one", "uno");

    private final String text;
    private final String language;
    private final List<Token> tokens;
    private final boolean[] used;

    private Message(String text, String language, List<Token> tokens) {
        this.text = text;
        this.language = language;
        this.tokens = tokens;
        this.used = new boolean[tokens.size()];
    }

    /** {@code region}: the country of phone numbers written without a country code. */
    static Message read(String text, String language, String region) {
        String folded = Folding.fold(text);
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(folded);
        while (m.find()) {
            Token token = token(m, text);
            if (token != null) {
                tokens.add(token);
            } else if (m.group("reference") != null) {
                // a lower-case word pair such as "de-casa": words, not a reference
                tokens.add(
                        new Token(Kind.WORD, folded.substring(m.start(), m.start() + 2), m.start(), m.start() + 2, 0));
                tokens.add(new Token(Kind.PUNCT, "-", m.start() + 2, m.start() + 3, 0));
                tokens.add(new Token(Kind.WORD, folded.substring(m.start() + 3, m.end()), m.start() + 3, m.end(), 0));
            }
        }
        return new Message(text, language, withPhones(text, tokens, region));
    }

    private static @Nullable Token token(Matcher m, String text) {
        int start = m.start();
        int end = m.end();
        String found = m.group();
        if (m.group("word") != null) {
            return new Token(Kind.WORD, found, start, end, 0);
        }
        if (m.group("number") != null) {
            return new Token(Kind.NUMBER, found, start, end, found.length() <= 9 ? Integer.parseInt(found) : -1);
        }
        if (m.group("punct") != null) {
            return new Token(Kind.PUNCT, found, start, end, 0);
        }
        if (m.group("email") != null) {
            return new Token(Kind.EMAIL, text.substring(start, end).toLowerCase(Locale.ROOT), start, end, 0);
        }
        if (m.group("reference") != null) {
            String original = text.substring(start, end);
            boolean hasDigit = original.chars().anyMatch(Character::isDigit);
            // an all-letter reference counts only in capitals, so "de-casa" stays two words
            return hasDigit || original.equals(original.toUpperCase(Locale.ROOT))
                    ? new Token(Kind.REFERENCE, original.toUpperCase(Locale.ROOT), start, end, 0)
                    : null;
        }
        if (m.group("ordinal") != null) {
            return new Token(Kind.ORDINAL, found, start, end, Integer.parseInt(m.group("ordinal")));
        }
        if (m.group("isoy") != null) {
            return date(found, start, end, m.group("isoy"), m.group("isom"), m.group("isod"));
        }
        if (m.group("dmyd") != null) {
            String year = m.group("dmyy");
            return date(found, start, end, year.length() == 2 ? "20" + year : year, m.group("dmym"), m.group("dmyd"));
        }
        if (m.group("dmd") != null) {
            return date(found, start, end, "0", m.group("dmm"), m.group("dmd"));
        }
        if (m.group("clockh") != null) {
            String suffix = m.group("clocks");
            return time(found, start, end, m.group("clockh"), m.group("clockm"), suffix, m.group("clock24") != null);
        }
        if (m.group("hourh") != null) {
            String minutes = m.group("hourm");
            return time(found, start, end, m.group("hourh"), minutes == null ? "0" : minutes, null, true);
        }
        return time(found, start, end, m.group("meridiemh"), "0", m.group("meridiem"), false);
    }

    /** A day and month (and year, or 0) that exist; "3/14" has no 14th month and is no date at all. */
    private static @Nullable Token date(String found, int start, int end, String year, String month, String day) {
        int y = Integer.parseInt(year);
        int mo = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        if (mo < 1 || mo > 12 || d < 1 || d > CalendarWords.lengthOfMonth(y, mo)) {
            return null;
        }
        return new Token(Kind.DATE, found, start, end, y * 10000 + mo * 100 + d);
    }

    private static @Nullable Token time(
            String found, int start, int end, String hour, String minute, @Nullable String meridiem, boolean h24) {
        int h = Integer.parseInt(hour);
        int min = Integer.parseInt(minute);
        if (meridiem != null) {
            if (h < 1 || h > 12) {
                return h <= 23 ? new Token(Kind.TIME, found, start, end, h * 60 + min) : null; // "19:00 pm"
            }
            int h24Hour = h % 12 + (meridiem.charAt(0) == 'p' ? 12 : 0);
            return new Token(Kind.TIME, found, start, end, h24Hour * 60 + min);
        }
        if (h > 23) {
            return null;
        }
        // "07:30" and "19h" are read as written; "7:30" is a 12-hour reading that the day part completes
        boolean exact = h24 || h == 0 || h > 12 || (hour.length() == 2 && hour.charAt(0) == '0');
        return new Token(exact ? Kind.TIME : Kind.CLOCK, found, start, end, h * 60 + min);
    }

    /** Phones by libphonenumber, in the text with dates, times, e-mails and references blanked out. */
    private static List<Token> withPhones(String text, List<Token> tokens, String region) {
        char[] masked = text.toCharArray();
        int digits = 0;
        for (Token token : tokens) {
            if (token.is(Kind.NUMBER)) {
                digits += token.end() - token.start();
            } else if (!token.is(Kind.WORD) && !token.is(Kind.PUNCT)) {
                for (int i = token.start(); i < token.end(); i++) {
                    masked[i] = ' ';
                }
            }
        }
        if (digits < PHONE_DIGITS) {
            return tokens;
        }
        List<Token> phones = new ArrayList<>();
        for (PhoneNumberMatch match :
                PHONES.findNumbers(new String(masked), region, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            if (match.rawString().chars().filter(Character::isDigit).count() >= PHONE_DIGITS) {
                String e164 = PHONES.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
                phones.add(new Token(Kind.PHONE, e164, match.start(), match.end(), 0));
            }
        }
        if (phones.isEmpty()) {
            return tokens;
        }
        List<Token> merged = new ArrayList<>();
        int p = 0;
        for (Token token : tokens) {
            while (p < phones.size() && phones.get(p).end() <= token.start()) {
                merged.add(phones.get(p++));
            }
            boolean inPhone = p < phones.size()
                    && token.start() < phones.get(p).end()
                    && token.end() > phones.get(p).start();
            if (!inPhone) {
                merged.add(token);
            }
        }
        while (p < phones.size()) {
            merged.add(phones.get(p++));
        }
        return merged;
    }

    int size() {
        return tokens.size();
    }

    Token token(int i) {
        return tokens.get(i);
    }

    String language() {
        return language;
    }

    /** The folded word at {@code i}, or "" when there is none (out of range, a number, punctuation). */
    String word(int i) {
        if (i < 0 || i >= tokens.size()) {
            return "";
        }
        Token token = tokens.get(i);
        return token.is(Kind.WORD) ? token.text() : "";
    }

    boolean isWord(int i, String word) {
        return word(i).equals(word);
    }

    boolean isWordIn(int i, Set<String> words) {
        String word = word(i);
        return !word.isEmpty() && words.contains(word);
    }

    boolean isPunct(int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).is(Kind.PUNCT);
    }

    /** Whether {@code i} is the first token or follows punctuation: the start of a sentence or clause. */
    boolean startsClause(int i) {
        return i == 0 || isPunct(i - 1);
    }

    /** Whether {@code i} is past the end or punctuation: the end of a sentence or clause. */
    boolean endsClause(int i) {
        return i >= tokens.size() || isPunct(i);
    }

    /** The token as the guest wrote it. */
    String original(int i) {
        Token token = tokens.get(i);
        return text.substring(token.start(), token.end());
    }

    boolean used(int i) {
        return used[i];
    }

    void use(int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, used.length); i++) {
            used[i] = true;
        }
    }

    /**
     * A number said at {@code i} in digits or words ("4", "four", "twenty-one", "twenty one", "treinta y uno",
     * "a couple of", "un par de", "a dozen"), not yet taken by another reader; with {@code articles}, "a", "an",
     * "un", "una" count as one too.
     */
    @Nullable
    Count countAt(int i, boolean articles) {
        if (i < 0 || i >= tokens.size() || used[i]) {
            return null;
        }
        Token token = tokens.get(i);
        if (token.is(Kind.NUMBER) || token.is(Kind.ORDINAL)) {
            return token.value() < 0 ? null : new Count(token.value(), i + 1);
        }
        if (!token.is(Kind.WORD)) {
            return null;
        }
        String word = token.text();
        if ((word.equals("a") || word.equals("an")) && isWord(i + 1, "couple")) {
            return new Count(2, isWord(i + 2, "of") ? i + 3 : i + 2);
        }
        if ((word.equals("a") || word.equals("an")) && isWord(i + 1, "dozen")) {
            return new Count(12, isWord(i + 2, "of") ? i + 3 : i + 2);
        }
        if (word.equals("un") && isWord(i + 1, "par") && isWord(i + 2, "de")) {
            return new Count(2, i + 3);
        }
        Integer value = NumberWords.valueOf(word, language);
        if (value != null) {
            Integer unit = NumberWords.valueOf(word(i + 1), "en");
            if (NumberWords.isEnglishTens(word) && unit != null && unit >= 1 && unit <= 9) {
                return new Count(value + unit, i + 2);
            }
            Integer spanishUnit = NumberWords.valueOf(word(i + 2), "es");
            if (NumberWords.spanishTens(word) != null
                    && isWord(i + 1, "y")
                    && spanishUnit != null
                    && spanishUnit >= 1
                    && spanishUnit <= 9) {
                return new Count(value + spanishUnit, i + 3);
            }
            return new Count(value, i + 1);
        }
        if (articles && ARTICLES.contains(word)) {
            return new Count(1, i + 1);
        }
        return null;
    }

    /** A number said over tokens {@code [at, next)}. */
    record Count(int value, int next) {}
}
