package dev.concierge.venue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates a venue file (YAML). Every problem is collected with the path of its field, so the owner
 * fixes the whole file in one go; a file with any problem is rejected whole.
 */
public final class VenueFileReader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final List<String> DAY_KEYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final int MAX_DURATION_MINUTES = 24 * 60;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** Reads the venue file at {@code file}. */
    public VenueFile read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new VenueFileException(List.of(file + ": cannot be read (" + e.getMessage() + ")"));
        }
    }

    /** Reads a venue file from its text. */
    public VenueFile read(String text) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new VenueFileException(List.of("the file is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ")")));
        }
        return new Walk().venueFile(root);
    }

    static String dayKey(DayOfWeek day) {
        return DAY_KEYS.get(day.ordinal());
    }

    /** The day a key such as {@code mon} names, as written by {@link WeeklyHours#toText()}. */
    static DayOfWeek dayOf(String key) {
        int index = DAY_KEYS.indexOf(key);
        if (index < 0) {
            throw new IllegalArgumentException("not a day: " + key);
        }
        return DayOfWeek.of(index + 1);
    }

    /** One pass over a document, collecting problems. */
    private static final class Walk {
        private final List<String> problems = new ArrayList<>();
        private List<String> languages = List.of("en");

        VenueFile venueFile(@Nullable JsonNode root) {
            if (root == null || !root.isObject()) {
                throw new VenueFileException(List.of("the file must be a YAML mapping with a 'venue' section"));
            }
            knownFields(root, "", Set.of("venue", "hours", "closures", "rooms", "services", "menu", "knowledge"));
            VenueFile.Info info = info(root.get("venue"));
            WeeklyHours hours = root.has("hours") ? hours(root.get("hours"), "hours") : WeeklyHours.closed();
            List<VenueFile.Closure> closures = list(root.get("closures"), "closures", this::closure);
            List<VenueFile.RoomType> rooms = list(root.get("rooms"), "rooms", this::room);
            List<VenueFile.Service> services = list(root.get("services"), "services", this::service);
            List<VenueFile.MenuItem> menu = list(root.get("menu"), "menu", this::menuItem);
            List<VenueFile.KnowledgeEntry> knowledge = list(root.get("knowledge"), "knowledge", this::knowledge);
            uniqueIds(rooms.stream().map(VenueFile.RoomType::id).toList(), "rooms");
            uniqueIds(services.stream().map(VenueFile.Service::id).toList(), "services");
            uniqueIds(menu.stream().map(VenueFile.MenuItem::id).toList(), "menu");
            uniqueIds(knowledge.stream().map(VenueFile.KnowledgeEntry::id).toList(), "knowledge");
            uniqueRoomNumbers(rooms);
            if (!problems.isEmpty() || info == null) {
                throw new VenueFileException(problems);
            }
            return new VenueFile(info, hours, closures, rooms, services, menu, knowledge);
        }

        private VenueFile.@Nullable Info info(@Nullable JsonNode raw) {
            String path = "venue";
            ObjectNode node = object(raw, path);
            if (node == null) {
                return null;
            }
            knownFields(node, path, Set.of("name", "timezone", "currency", "languages", "phone", "email", "address"));
            String name = text(node, path, "name", true, 200);
            ZoneId zone = null;
            String zoneText = text(node, path, "timezone", true, 64);
            if (zoneText != null) {
                try {
                    zone = ZoneId.of(zoneText);
                } catch (DateTimeException e) {
                    problem(path + ".timezone", quote(zoneText) + " is not a time zone (e.g. Europe/Madrid)");
                }
            }
            String currency = text(node, path, "currency", true, 3);
            if (currency != null) {
                try {
                    currency = Currency.getInstance(currency).getCurrencyCode();
                } catch (IllegalArgumentException e) {
                    problem(path + ".currency", quote(currency) + " is not an ISO 4217 currency code (e.g. EUR)");
                }
            }
            List<String> langs = new ArrayList<>();
            JsonNode langNode = node.get("languages");
            if (langNode == null) {
                problem(path + ".languages", "is required (e.g. [en, es])");
            } else if (!langNode.isArray() || langNode.isEmpty()) {
                problem(path + ".languages", "must be a non-empty list of language codes (e.g. [en, es])");
            } else {
                for (int i = 0; i < langNode.size(); i++) {
                    String lang = langNode.get(i).asText();
                    if (!LANGUAGE.matcher(lang).matches()) {
                        problem(path + ".languages[" + i + "]", quote(lang) + " is not a two-letter language code");
                    } else if (langs.contains(lang)) {
                        problem(path + ".languages[" + i + "]", quote(lang) + " is listed twice");
                    } else {
                        langs.add(lang);
                    }
                }
            }
            if (!langs.isEmpty()) {
                languages = List.copyOf(langs);
            }
            String phone = text(node, path, "phone", false, 40);
            String email = text(node, path, "email", false, 254);
            if (email != null && !EMAIL.matcher(email).matches()) {
                problem(path + ".email", quote(email) + " is not an e-mail address");
            }
            String address = text(node, path, "address", false, 500);
            if (name == null || zone == null || currency == null || langs.isEmpty()) {
                return null;
            }
            return new VenueFile.Info(name, zone, currency, langs, phone, email, address);
        }

        private WeeklyHours hours(JsonNode raw, String path) {
            ObjectNode node = object(raw, path);
            if (node == null) {
                return WeeklyHours.closed();
            }
            Map<DayOfWeek, List<TimePeriod>> periods = new EnumMap<>(DayOfWeek.class);
            Set<DayOfWeek> seen = new HashSet<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                String keyPath = path + "." + key;
                Optional<List<DayOfWeek>> days = days(key);
                if (days.isEmpty()) {
                    problem(keyPath, "is not a day or a range of days (mon, tue, … sun, or e.g. mon-fri)");
                    continue;
                }
                List<TimePeriod> dayPeriods = periods(field.getValue(), keyPath);
                for (DayOfWeek day : days.get()) {
                    if (!seen.add(day)) {
                        problem(keyPath, dayKey(day) + " is given more than once");
                    }
                    periods.put(day, dayPeriods);
                }
            }
            return new WeeklyHours(periods);
        }

        private List<TimePeriod> periods(JsonNode value, String path) {
            if (!value.isTextual()) {
                problem(path, "must be text like \"09:00-14:00, 16:00-20:00\" or closed");
                return List.of();
            }
            String text = value.asText().trim();
            if (text.equalsIgnoreCase("closed")) {
                return List.of();
            }
            List<TimePeriod> result = new ArrayList<>();
            for (String part : text.split(",")) {
                Optional<TimePeriod> period = TimePeriod.parse(part);
                if (period.isEmpty()) {
                    problem(path, periodProblem(part.trim()));
                    return List.of();
                }
                result.add(period.get());
            }
            result.sort((a, b) -> a.start().compareTo(b.start()));
            for (int i = 1; i < result.size(); i++) {
                TimePeriod previous = result.get(i - 1);
                if (previous.overnight() || !result.get(i).start().isAfter(previous.end())) {
                    if (previous.overnight() || result.get(i).start().isBefore(previous.end())) {
                        problem(path, quote(previous + ", " + result.get(i)) + " overlap");
                        return List.of();
                    }
                }
            }
            return result;
        }

        /** Explains the first thing wrong with a period such as {@code 25:00-26:00}. */
        private static String periodProblem(String part) {
            String[] ends = part.split("-", -1);
            if (ends.length == 2) {
                for (int i = 0; i < 2; i++) {
                    if (TimePeriod.parseTime(ends[i].trim(), i == 1).isEmpty()) {
                        return quote(ends[i].trim()) + " is not a time";
                    }
                }
                return quote(part) + " starts and ends at the same time";
            }
            return quote(part) + " is not a period like 09:00-14:00";
        }

        private static Optional<List<DayOfWeek>> days(String key) {
            String[] ends = key.trim().toLowerCase(Locale.ROOT).split("-", -1);
            if (ends.length == 1) {
                int index = DAY_KEYS.indexOf(ends[0]);
                return index < 0 ? Optional.empty() : Optional.of(List.of(DayOfWeek.of(index + 1)));
            }
            if (ends.length != 2) {
                return Optional.empty();
            }
            int from = DAY_KEYS.indexOf(ends[0]);
            int to = DAY_KEYS.indexOf(ends[1]);
            if (from < 0 || to < 0) {
                return Optional.empty();
            }
            List<DayOfWeek> days = new ArrayList<>();
            // a range may wrap around the week, e.g. fri-mon
            for (int i = from; ; i = (i + 1) % 7) {
                days.add(DayOfWeek.of(i + 1));
                if (i == to) {
                    break;
                }
            }
            return Optional.of(days);
        }

        private VenueFile.@Nullable Closure closure(JsonNode node, String path) {
            if (!node.isTextual()) {
                problem(path, "must be a date (2026-12-25) or a range (\"2026-08-10..2026-08-16\")");
                return null;
            }
            String text = node.asText().trim();
            String[] ends = text.split("\\.\\.", -1);
            if (ends.length > 2) {
                problem(path, quote(text) + " is not a date or a range like 2026-08-10..2026-08-16");
                return null;
            }
            LocalDate from = date(ends[0], path);
            LocalDate to = ends.length == 2 ? date(ends[1], path) : from;
            if (from == null || to == null) {
                return null;
            }
            if (to.isBefore(from)) {
                problem(path, quote(text) + " ends before it starts");
                return null;
            }
            return new VenueFile.Closure(from, to);
        }

        private @Nullable LocalDate date(String text, String path) {
            try {
                return LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                problem(path, quote(text.trim()) + " is not a date (YYYY-MM-DD)");
                return null;
            }
        }

        private VenueFile.@Nullable RoomType room(JsonNode raw, String path) {
            ObjectNode node = object(raw, path);
            if (node == null) {
                return null;
            }
            knownFields(
                    node,
                    path,
                    Set.of("id", "name", "description", "count", "maxGuests", "nightlyRate", "numbers", "deposit"));
            String id = id(node, path);
            LocalizedText name = localized(node, path, "name", true);
            LocalizedText description = localized(node, path, "description", false);
            Integer count = integer(node, path, "count", true, 0, 10_000);
            Integer maxGuests = integer(node, path, "maxGuests", true, 1, 100);
            Long rate = money(node, path, "nightlyRate", true);
            Long deposit = deposit(node, path);
            List<String> numbers = new ArrayList<>();
            JsonNode numbersNode = node.get("numbers");
            if (numbersNode != null) {
                if (!numbersNode.isArray()) {
                    problem(path + ".numbers", "must be a list of room numbers, e.g. [\"101\", \"102\"]");
                } else {
                    for (int i = 0; i < numbersNode.size(); i++) {
                        JsonNode number = numbersNode.get(i);
                        String label = number.isValueNode() ? number.asText().trim() : "";
                        if (label.isEmpty() || label.length() > 16) {
                            problem(path + ".numbers[" + i + "]", "must be a short room label like \"101\"");
                        } else if (numbers.contains(label)) {
                            problem(path + ".numbers[" + i + "]", quote(label) + " is listed twice");
                        } else {
                            numbers.add(label);
                        }
                    }
                    if (count != null && numbers.size() != count && numbersNode.size() == numbers.size()) {
                        problem(path + ".numbers", "lists " + numbers.size() + " rooms but count is " + count);
                    }
                }
            }
            if (id == null || name == null || count == null || maxGuests == null || rate == null) {
                return null;
            }
            return new VenueFile.RoomType(id, name, description, count, maxGuests, rate, numbers, deposit);
        }

        private VenueFile.@Nullable Service service(JsonNode raw, String path) {
            ObjectNode node = object(raw, path);
            if (node == null) {
                return null;
            }
            knownFields(
                    node,
                    path,
                    Set.of(
                            "id",
                            "name",
                            "description",
                            "aliases",
                            "durationMinutes",
                            "bufferMinutes",
                            "slotMinutes",
                            "capacity",
                            "price",
                            "hours",
                            "deposit"));
            String id = id(node, path);
            LocalizedText name = localized(node, path, "name", true);
            LocalizedText description = localized(node, path, "description", false);
            List<String> aliases = aliases(node, path);
            Integer duration = integer(node, path, "durationMinutes", true, 5, MAX_DURATION_MINUTES);
            Integer buffer = integer(node, path, "bufferMinutes", false, 0, MAX_DURATION_MINUTES);
            Integer slot = integer(node, path, "slotMinutes", false, 5, MAX_DURATION_MINUTES);
            VenueFile.Capacity capacity = capacity(node.get("capacity"), path + ".capacity");
            Long price = money(node, path, "price", false);
            Long deposit = deposit(node, path);
            WeeklyHours hours = node.has("hours") ? hours(node.get("hours"), path + ".hours") : null;
            if (id == null || name == null || duration == null || capacity == null) {
                return null;
            }
            return new VenueFile.Service(
                    id,
                    name,
                    description,
                    aliases,
                    duration,
                    buffer == null ? 0 : buffer,
                    slot == null ? duration : slot,
                    capacity,
                    price,
                    hours,
                    deposit);
        }

        /** What guests booking online pay in advance (minor units, more than zero), if anything. */
        private @Nullable Long deposit(ObjectNode node, String path) {
            Long deposit = money(node, path, "deposit", false);
            if (deposit != null && deposit == 0) {
                problem(path + ".deposit", "must be more than 0 (leave it out for no deposit)");
                return null;
            }
            return deposit;
        }

        private VenueFile.@Nullable Capacity capacity(@Nullable JsonNode raw, String path) {
            if (raw == null) {
                problem(path, "is required: {units: N} or {covers: N, maxParty: M}");
                return null;
            }
            ObjectNode node = object(raw, path);
            if (node == null) {
                return null;
            }
            knownFields(node, path, Set.of("units", "covers", "maxParty"));
            boolean units = node.has("units");
            boolean covers = node.has("covers");
            if (units == covers) {
                problem(path, "must have either units or covers (with maxParty), not " + (units ? "both" : "neither"));
                return null;
            }
            if (units) {
                if (node.has("maxParty")) {
                    problem(path + ".maxParty", "goes with covers, not with units");
                }
                Integer count = integer(node, path, "units", true, 1, 1000);
                return count == null ? null : new VenueFile.Units(count);
            }
            Integer seats = integer(node, path, "covers", true, 1, 10_000);
            Integer maxParty = integer(node, path, "maxParty", true, 1, 10_000);
            if (seats == null || maxParty == null) {
                return null;
            }
            if (maxParty > seats) {
                problem(path + ".maxParty", maxParty + " is more than the " + seats + " covers");
                return null;
            }
            return new VenueFile.Covers(seats, maxParty);
        }

        private VenueFile.@Nullable MenuItem menuItem(JsonNode raw, String path) {
            ObjectNode node = object(raw, path);
            if (node == null) {
                return null;
            }
            knownFields(node, path, Set.of("id", "name", "description", "aliases", "category", "price", "available"));
            String id = id(node, path);
            LocalizedText name = localized(node, path, "name", true);
            LocalizedText description = localized(node, path, "description", false);
            List<String> aliases = aliases(node, path);
            String category = text(node, path, "category", true, 64);
            if (category != null && !ID.matcher(category).matches()) {
                problem(path + ".category", quote(category) + " must be lower-case letters, digits and dashes");
            }
            Long price = money(node, path, "price", true);
            TimePeriod available = null;
            String availableText = text(node, path, "available", false, 20);
            if (availableText != null) {
                available = TimePeriod.parse(availableText).orElse(null);
                if (available == null) {
                    problem(path + ".available", periodProblem(availableText));
                }
            }
            if (id == null || name == null || category == null || price == null) {
                return null;
            }
            return new VenueFile.MenuItem(id, name, description, aliases, category, price, available);
        }

        private VenueFile.@Nullable KnowledgeEntry knowledge(JsonNode raw, String path) {
            ObjectNode node = object(raw, path);
            if (node == null) {
                return null;
            }
            knownFields(node, path, Set.of("id", "question", "answer"));
            String id = id(node, path);
            LocalizedText question = localized(node, path, "question", true);
            LocalizedText answer = localized(node, path, "answer", true);
            if (id == null || question == null || answer == null) {
                return null;
            }
            return new VenueFile.KnowledgeEntry(id, question, answer);
        }

        private <T> List<T> list(@Nullable JsonNode node, String path, BiFunction<JsonNode, String, @Nullable T> item) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                problem(path, "must be a list");
                return List.of();
            }
            List<T> result = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                T value = item.apply(node.get(i), path + "[" + i + "]");
                if (value != null) {
                    result.add(value);
                }
            }
            return result;
        }

        private @Nullable String id(JsonNode node, String path) {
            String id = text(node, path, "id", true, 64);
            if (id != null && !ID.matcher(id).matches()) {
                problem(path + ".id", quote(id) + " must be lower-case letters, digits and dashes (e.g. massage-60)");
                return null;
            }
            return id;
        }

        private List<String> aliases(JsonNode node, String path) {
            JsonNode aliases = node.get("aliases");
            if (aliases == null) {
                return List.of();
            }
            if (!aliases.isArray()) {
                problem(path + ".aliases", "must be a list of words, e.g. [massage, masaje]");
                return List.of();
            }
            List<String> result = new ArrayList<>();
            for (int i = 0; i < aliases.size(); i++) {
                String alias =
                        aliases.get(i).isValueNode() ? aliases.get(i).asText().trim() : "";
                if (alias.isEmpty() || alias.length() > 100) {
                    problem(path + ".aliases[" + i + "]", "must be a word or short phrase");
                } else {
                    result.add(alias.toLowerCase(Locale.ROOT));
                }
            }
            return result;
        }

        private @Nullable LocalizedText localized(JsonNode node, String path, String field, boolean required) {
            JsonNode value = node.get(field);
            String fieldPath = path + "." + field;
            if (value == null || value.isNull()) {
                if (required) {
                    problem(fieldPath, "is required, in each language: {" + String.join(": …, ", languages) + ": …}");
                }
                return null;
            }
            if (!value.isObject()) {
                problem(fieldPath, "must give a text per language, e.g. {" + String.join(": …, ", languages) + ": …}");
                return null;
            }
            Map<String, String> texts = new LinkedHashMap<>();
            for (String language : languages) {
                JsonNode text = value.get(language);
                if (text == null || !text.isValueNode() || text.asText().isBlank()) {
                    problem(fieldPath + "." + language, "is missing");
                } else if (text.asText().length() > 4000) {
                    problem(fieldPath + "." + language, "must be at most 4000 characters");
                } else {
                    texts.put(language, text.asText().trim());
                }
            }
            Iterator<String> names = value.fieldNames();
            while (names.hasNext()) {
                String language = names.next();
                if (!languages.contains(language)) {
                    problem(fieldPath + "." + language, "is not one of the venue's languages " + languages);
                }
            }
            return texts.size() == languages.size() ? new LocalizedText(texts) : null;
        }

        private @Nullable String text(JsonNode node, String path, String field, boolean required, int maxLength) {
            JsonNode value = node.get(field);
            String fieldPath = path + "." + field;
            if (value == null || value.isNull()) {
                if (required) {
                    problem(fieldPath, "is required");
                }
                return null;
            }
            if (!value.isValueNode()) {
                problem(fieldPath, "must be text");
                return null;
            }
            String text = value.asText().trim();
            if (text.isEmpty()) {
                if (required) {
                    problem(fieldPath, "must not be empty");
                }
                return null;
            }
            if (text.length() > maxLength) {
                problem(fieldPath, "must be at most " + maxLength + " characters");
                return null;
            }
            return text;
        }

        private @Nullable Integer integer(
                JsonNode node, String path, String field, boolean required, int min, int max) {
            Long number = wholeNumber(node, path, field, required, min, max, "is not a whole number", "is required");
            return number == null ? null : number.intValue();
        }

        /** An amount of money in minor units (cents): a whole number, never negative. */
        private @Nullable Long money(JsonNode node, String path, String field, boolean required) {
            return wholeNumber(
                    node,
                    path,
                    field,
                    required,
                    0,
                    10_000_000_000L,
                    "is not an amount in minor units (e.g. 12000 for 120.00)",
                    "is required (in minor units, e.g. 12000 for 120.00)");
        }

        private @Nullable Long wholeNumber(
                JsonNode node,
                String path,
                String field,
                boolean required,
                long min,
                long max,
                String notANumber,
                String missing) {
            JsonNode value = node.get(field);
            String fieldPath = path + "." + field;
            if (value == null || value.isNull()) {
                if (required) {
                    problem(fieldPath, missing);
                }
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                problem(fieldPath, quote(value.asText()) + " " + notANumber);
                return null;
            }
            long number = value.asLong();
            if (number < min || number > max) {
                problem(fieldPath, number + " must be between " + min + " and " + max);
                return null;
            }
            return number;
        }

        /** The node as a mapping, or null after recording why it is not one. */
        private @Nullable ObjectNode object(@Nullable JsonNode node, String path) {
            if (node == null || node.isNull()) {
                problem(path, "is required");
                return null;
            }
            if (!(node instanceof ObjectNode object)) {
                problem(path, "must be a mapping of fields");
                return null;
            }
            return object;
        }

        private void knownFields(JsonNode node, String path, Set<String> known) {
            if (!(node instanceof ObjectNode object)) {
                return;
            }
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    problem(path.isEmpty() ? name : path + "." + name, "is not a known field");
                }
            }
        }

        private void uniqueIds(List<String> ids, String path) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!seen.add(ids.get(i))) {
                    problem(path, "id " + quote(ids.get(i)) + " is used more than once");
                }
            }
        }

        private void uniqueRoomNumbers(List<VenueFile.RoomType> rooms) {
            Map<String, String> owner = new LinkedHashMap<>();
            for (VenueFile.RoomType room : rooms) {
                for (String number : room.numbers()) {
                    String other = owner.putIfAbsent(number, room.id());
                    if (other != null && !other.equals(room.id())) {
                        problem("rooms", "room number " + quote(number) + " is in both " + other + " and " + room.id());
                    }
                }
            }
        }

        private void problem(String path, String message) {
            problems.add(path + ": " + message);
        }

        private static String quote(String text) {
            return "\"" + text + "\"";
        }
    }
}
