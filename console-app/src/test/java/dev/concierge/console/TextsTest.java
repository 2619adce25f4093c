package dev.concierge.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.console.shell.Screen;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The two bundles say the same things, and every key the console's code asks for is in them. */
class TextsTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    // texts.get("key") and texts.get("key", …), as every screen writes it (the start's lambda names them words); a key
    // made in code ("role." + role) is listed in the test instead
    private static final Pattern KEY_IN_CODE = Pattern.compile("\\b(?:texts|words)\\.get\\(\\s*\"([^\"]+)\"\\s*[,)]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    @Test
    void englishAndSpanishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = bundle("messages.properties");
        Properties spanish = bundle("messages_es.properties");

        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(spanish.stringPropertyNames()));
        for (Properties each : List.of(english, spanish)) {
            each.stringPropertyNames()
                    .forEach(key -> assertFalse(each.getProperty(key).isBlank(), key + " is empty"));
        }
    }

    @Test
    void spanishIsReadAsUtf8WithItsAccents() {
        Texts spanish = new Texts(UiLanguage.ES);

        assertEquals("Contraseña", spanish.get("signin.password"));
        assertEquals("Sesión iniciada como Ana", spanish.get("shell.signedInAs", "Ana"));
        assertEquals("Password", Texts.english().get("signin.password"));
    }

    @Test
    void englishStaysEnglishOnASpanishPc() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("es-ES"));
        try {
            assertEquals("Password", new Texts(UiLanguage.EN).get("signin.password"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everyKeyTheCodeAsksForIsInTheBundles() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        Set<String> asked = keysInCode();
        for (Screen screen : Screen.values()) {
            asked.add(screen.titleKey());
        }
        for (String role : List.of("owner", "manager", "front_desk")) {
            asked.add("role." + role);
        }
        // the other keys the code makes from a word: channels, canned replies' titles
        for (String channel : List.of("console", "web", "kiosk", "api", "calendar")) {
            asked.add("guests.channel." + channel);
        }
        for (String channel : List.of("web", "kiosk", "api")) {
            asked.add("reports.channel." + channel);
        }
        for (String channel : List.of("web", "kiosk", "api")) {
            asked.add("reports.on." + channel);
        }
        for (String source : List.of("staff", "venue")) {
            asked.add("knowledge.source." + source);
        }
        asked.add("knowledge.unanswered.spoken");
        asked.add("knowledge.unanswered.spokenAnswered");
        for (int title = 1; title <= 5; title++) {
            asked.add("inbox.cannedTitle." + title);
        }
        assertTrue(asked.size() > 50, "the scan found the keys: " + asked.size());

        List<String> missing = asked.stream().filter(key -> !keys.contains(key)).toList();
        assertEquals(List.of(), missing, "keys the code asks for that messages.properties lacks");
    }

    /** A quote in a MessageFormat pattern is written '' (a single one would swallow what follows it). */
    @Test
    void patternsDoubleTheirQuotesAndPlainTextsDoNot() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String file : List.of("messages.properties", "messages_es.properties")) {
            Properties texts = bundle(file);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                boolean pattern = PLACEHOLDER.matcher(text).find();
                String withoutPairs = text.replace("''", "");
                if (pattern ? withoutPairs.contains("'") : text.contains("''")) {
                    wrong.add(file + " " + key);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static Set<String> keysInCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_IN_CODE.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/dev/concierge/console/" + name)) {
            assertTrue(in != null, name);
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
