package dev.concierge.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds venue files for tests: a small valid hotel to start from, changed field by field with a path such as
 * {@code services[0].hours.mon}, so a test says exactly what it breaks.
 */
public final class VenueBuilder {
    private static final Pattern STEP = Pattern.compile("([A-Za-z0-9-]+)(?:\\[(\\d+)])?");

    private final Map<String, Object> root;

    private VenueBuilder(Map<String, Object> root) {
        this.root = root;
    }

    /** A valid small hotel: one room type, a massage (units) and a dinner table (covers), a menu item, an FAQ. */
    public static VenueBuilder smallHotel() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(
                "venue",
                map(
                        "name", "Hotel Test",
                        "timezone", "Europe/Madrid",
                        "currency", "EUR",
                        "languages", list("en", "es"),
                        "phone", "+34 971 000 000",
                        "email", "desk@test.example",
                        "address", "Passeig Marítim 1, Palma"));
        root.put("hours", map("mon-fri", "09:00-14:00, 16:00-20:00", "sat", "10:00-18:00", "sun", "closed"));
        root.put("closures", list("2026-12-25", "2026-08-10..2026-08-16"));
        root.put(
                "rooms",
                list(map(
                        "id",
                        "double",
                        "name",
                        text("Double room", "Habitación doble"),
                        "count",
                        2,
                        "maxGuests",
                        2,
                        "nightlyRate",
                        12000,
                        "numbers",
                        list("101", "102"))));
        root.put(
                "services",
                list(
                        map(
                                "id",
                                "massage-60",
                                "name",
                                text("60-minute massage", "Masaje de 60 minutos"),
                                "aliases",
                                list("massage", "masaje"),
                                "durationMinutes",
                                60,
                                "bufferMinutes",
                                15,
                                "capacity",
                                map("units", 2),
                                "price",
                                8000,
                                "hours",
                                map("mon-sun", "10:00-19:00")),
                        map(
                                "id", "dinner",
                                "name", text("Dinner table", "Mesa para cenar"),
                                "aliases", list("dinner", "cena"),
                                "durationMinutes", 90,
                                "slotMinutes", 30,
                                "capacity", map("covers", 40, "maxParty", 8),
                                "hours", map("mon-sun", "19:00-00:30"))));
        root.put(
                "menu",
                list(map(
                        "id", "club-sandwich",
                        "name", text("Club sandwich", "Sándwich club"),
                        "category", "room-service",
                        "price", 1450,
                        "available", "11:00-23:00")));
        root.put(
                "knowledge",
                list(map(
                        "id", "checkout-time",
                        "question", text("What time is check-out?", "¿A qué hora es la salida?"),
                        "answer", text("Check-out is at 11:00.", "La salida es a las 11:00."))));
        return new VenueBuilder(root);
    }

    /** Sets (or adds) the value at {@code path}, e.g. {@code services[0].hours.mon} or {@code venue.name}. */
    public VenueBuilder set(String path, @Nullable Object value) {
        walk(path, value, false);
        return this;
    }

    /** Removes the field at {@code path}. */
    public VenueBuilder remove(String path) {
        walk(path, null, true);
        return this;
    }

    /** Appends an element to the list at {@code path}. */
    @SuppressWarnings("unchecked")
    public VenueBuilder add(String path, Object element) {
        Object list = get(path);
        if (!(list instanceof List<?>)) {
            throw new IllegalArgumentException(path + " is not a list");
        }
        ((List<Object>) list).add(element);
        return this;
    }

    public @Nullable Object get(String path) {
        Object node = root;
        for (String step : path.split("\\.")) {
            Matcher matcher = matchStep(step);
            node = ((Map<?, ?>) node).get(matcher.group(1));
            if (matcher.group(2) != null && node != null) {
                node = ((List<?>) node).get(Integer.parseInt(matcher.group(2)));
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    public String toYaml() {
        try {
            ObjectMapper yaml =
                    new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
            return yaml.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the YAML to {@code file} and answers the file. */
    public Path writeTo(Path file) {
        try {
            Files.writeString(file, toYaml());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void walk(String path, @Nullable Object value, boolean remove) {
        String[] steps = path.split("\\.");
        Object node = root;
        for (int i = 0; i < steps.length; i++) {
            Matcher matcher = matchStep(steps[i]);
            Map<String, Object> map = (Map<String, Object>) node;
            boolean last = i == steps.length - 1;
            String key = matcher.group(1);
            if (matcher.group(2) == null) {
                if (last) {
                    if (remove) {
                        map.remove(key);
                    } else {
                        map.put(key, value);
                    }
                    return;
                }
                node = map.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
            } else {
                List<Object> list = (List<Object>) java.util.Objects.requireNonNull(map.get(key), key);
                int index = Integer.parseInt(matcher.group(2));
                if (last) {
                    if (remove) {
                        list.remove(index);
                    } else {
                        list.set(index, value);
                    }
                    return;
                }
                node = list.get(index);
            }
        }
    }

    private static Matcher matchStep(String step) {
        Matcher matcher = STEP.matcher(step);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a path step: " + step);
        }
        return matcher;
    }

    /** An ordered, changeable map from alternating keys and values. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A changeable list. */
    public static List<Object> list(Object... elements) {
        return new ArrayList<>(List.of(elements));
    }

    /** A text in English and Spanish. */
    public static Map<String, Object> text(String en, String es) {
        return map("en", en, "es", es);
    }
}
