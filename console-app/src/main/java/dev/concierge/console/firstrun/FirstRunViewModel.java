package dev.concierge.console.firstrun;

import dev.concierge.api.ApiException;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.OwnerSetup;
import dev.concierge.api.VenueProfile;
import dev.concierge.api.VenueSetup;
import dev.concierge.console.Connection;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.Session;
import dev.concierge.console.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/**
 * "Set up Concierge": the owner's name, e-mail and password (typed twice), and the setup code the server printed
 * where it started, unless this console started it (then it knows the code). Each refusal shows next to its field.
 */
public final class FirstRunViewModel {
    private Texts texts;
    private final Connection connection;
    private final FirstRunApi api;
    private final Executor background;
    private final Executor fxThread;
    private final Consumer<Session> signedIn;
    private final Consumer<String> alreadySetUp;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty repeated = new SimpleStringProperty(this, "repeated", "");
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final ReadOnlyStringWrapper emailProblem = new ReadOnlyStringWrapper(this, "emailProblem", "");
    private final ReadOnlyStringWrapper passwordProblem = new ReadOnlyStringWrapper(this, "passwordProblem", "");
    private final ReadOnlyStringWrapper repeatedProblem = new ReadOnlyStringWrapper(this, "repeatedProblem", "");
    private final ReadOnlyStringWrapper codeProblem = new ReadOnlyStringWrapper(this, "codeProblem", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** A server without a venue asks for it first (basics or a venue file); the owner's account comes next. */
    private final ReadOnlyBooleanWrapper venueStep = new ReadOnlyBooleanWrapper(this, "venueStep");

    private final StringProperty venueName = new SimpleStringProperty(this, "venueName", "");
    private final StringProperty timezone = new SimpleStringProperty(this, "timezone", defaultZone());
    private final StringProperty currency = new SimpleStringProperty(this, "currency", "EUR");
    private final BooleanProperty english = new SimpleBooleanProperty(this, "english", true);
    private final BooleanProperty spanish = new SimpleBooleanProperty(this, "spanish", true);
    private final ReadOnlyStringWrapper venueNameProblem = new ReadOnlyStringWrapper(this, "venueNameProblem", "");
    private final ReadOnlyStringWrapper timezoneProblem = new ReadOnlyStringWrapper(this, "timezoneProblem", "");
    private final ReadOnlyStringWrapper currencyProblem = new ReadOnlyStringWrapper(this, "currencyProblem", "");
    private final ReadOnlyStringWrapper languagesProblem = new ReadOnlyStringWrapper(this, "languagesProblem", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    /** The problems the console wrote itself, by the key of their text: said again when the language changes. */
    private final Map<ReadOnlyStringWrapper, String> ownProblems = new java.util.HashMap<>();

    /**
     * @param signedIn the shell, signed in as the new owner; on the FX thread
     * @param alreadySetUp back to sign-in with the server's sentence (someone created the owner meanwhile)
     */
    public FirstRunViewModel(
            Texts texts,
            Connection connection,
            FirstRunApi api,
            Executor background,
            Executor fxThread,
            Consumer<Session> signedIn,
            Consumer<String> alreadySetUp) {
        this.texts = texts;
        this.connection = connection;
        this.api = api;
        this.background = background;
        this.fxThread = fxThread;
        this.signedIn = signedIn;
        this.alreadySetUp = alreadySetUp;
        this.venueStep.set(connection.venueNeeded());
    }

    /** This PC's zone when it is a region's (Europe/Madrid), else the demo hotel's. */
    private static String defaultZone() {
        String zone = java.time.ZoneId.systemDefault().getId();
        return zone.contains("/") ? zone : "Europe/Madrid";
    }

    /** The venue from its basics typed here. */
    public void saveVenue() {
        if (busy.get()) {
            return;
        }
        clearProblems();
        List<String> languages = new ArrayList<>();
        if (english.get()) {
            languages.add("en");
        }
        if (spanish.get()) {
            languages.add("es");
        }
        String setupCode = setupCode();
        if (setupCode == null) {
            return;
        }
        VenueSetup setup;
        try {
            setup = new VenueSetup(
                    setupCode, new VenueSetup.Basics(venueName.get(), timezone.get(), currency.get(), languages), null);
        } catch (InvalidFieldsException e) {
            showFields(e.fields());
            return;
        }
        sendVenue(setup);
    }

    /** The venue from a whole venue file (YAML): read off the FX thread, then sent as it is. */
    public void importVenueFile(Path file) {
        if (busy.get()) {
            return;
        }
        clearProblems();
        String setupCode = setupCode();
        if (setupCode == null) {
            return;
        }
        busy.set(true);
        progress.set(texts.get("firstrun.venue.saving"));
        background.execute(() -> {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                fxThread.execute(() -> {
                    busy.set(false);
                    progress.set("");
                    problem.set(texts.get("firstrun.venue.unreadable", file.getFileName()));
                });
                return;
            }
            fxThread.execute(() -> {
                busy.set(false);
                try {
                    sendVenue(new VenueSetup(setupCode, null, text));
                } catch (InvalidFieldsException e) {
                    progress.set("");
                    showFields(e.fields());
                }
            });
        });
    }

    private void sendVenue(VenueSetup setup) {
        busy.set(true);
        progress.set(texts.get("firstrun.venue.saving"));
        background.execute(() -> {
            try {
                VenueProfile venue = api.setUpVenue(connection, setup);
                fxThread.execute(() -> venueDone(texts.get("firstrun.venue.saved", venue.name())));
            } catch (RuntimeException e) {
                fxThread.execute(() -> {
                    if (e instanceof ApiException refusal
                            && refusal.status() == 409
                            && "venue_exists".equals(refusal.error().error().code())) {
                        venueDone(refusal.error().error().message()); // another desk was quicker: on to the owner
                    } else {
                        failed(e);
                    }
                });
            }
        });
    }

    private void venueDone(String message) {
        busy.set(false);
        progress.set("");
        notice.set(message);
        venueStep.set(false);
    }

    /** The code typed (or known); null after saying it is missing. */
    private @Nullable String setupCode() {
        String setupCode = codeNeeded() ? code.get().strip() : Objects.requireNonNull(connection.setupCode());
        if (setupCode.isEmpty()) {
            own(codeProblem, "firstrun.code.missing");
            return null;
        }
        return setupCode;
    }

    /** Only a server on the LAN asks for the code: one started here handed it to the console. */
    public boolean codeNeeded() {
        return connection.setupCode() == null;
    }

    public String serverText() {
        return texts.get("signin.server", connection.server());
    }

    public Texts texts() {
        return texts;
    }

    /**
     * The header's switch of language while this card shows: what is typed stays; the console's own sentences (a
     * missing field, the passwords that differ, "Creating…") are said again in {@code words}. The server's sentences
     * stay as it wrote them.
     */
    public void speak(Texts words) {
        texts = words;
        ownProblems.forEach((field, key) -> field.set(texts.get(key)));
        if (busy.get()) {
            progress.set(texts.get(venueStep.get() ? "firstrun.venue.saving" : "firstrun.creating"));
        }
    }

    /** Checks what it can here (every field, the passwords alike), then asks the server to create the owner. */
    public void create() {
        if (busy.get()) {
            return;
        }
        clearProblems();
        boolean complete = required(name, nameProblem, "firstrun.name.missing")
                & required(email, emailProblem, "firstrun.email.missing")
                & required(password, passwordProblem, "firstrun.password.missing");
        if (!password.get().isEmpty() && !password.get().equals(repeated.get())) {
            own(repeatedProblem, "firstrun.mismatch");
            complete = false;
        }
        String setupCode = codeNeeded() ? code.get().strip() : Objects.requireNonNull(connection.setupCode());
        if (setupCode.isEmpty()) {
            own(codeProblem, "firstrun.code.missing");
            complete = false;
        }
        if (!complete) {
            return;
        }
        OwnerSetup setup;
        try {
            setup = new OwnerSetup(setupCode, name.get(), email.get(), password.get());
        } catch (InvalidFieldsException e) {
            showFields(e.fields());
            return;
        }
        busy.set(true);
        progress.set(texts.get("firstrun.creating"));
        background.execute(() -> {
            try {
                Session session = api.createOwner(connection, setup);
                fxThread.execute(() -> created(session));
            } catch (RuntimeException e) {
                fxThread.execute(() -> failed(e));
            }
        });
    }

    private boolean required(StringProperty field, ReadOnlyStringWrapper fieldProblem, String key) {
        if (field.get().isBlank()) {
            own(fieldProblem, key);
            return false;
        }
        return true;
    }

    private void own(ReadOnlyStringWrapper field, String key) {
        field.set(texts.get(key));
        ownProblems.put(field, key);
    }

    private void created(Session session) {
        busy.set(false);
        progress.set("");
        password.set("");
        repeated.set("");
        signedIn.accept(session);
    }

    private void failed(RuntimeException e) {
        busy.set(false);
        progress.set("");
        if (e instanceof ApiException api) {
            switch (api.status()) {
                case 400 -> {
                    Map<String, String> fields = api.error().error().fields();
                    if (fields != null && !fields.isEmpty()) {
                        showFields(fields);
                        return;
                    }
                }
                case 403 -> {
                    // after the venue's step the owner's card has no code field: the refusal stands under the card
                    boolean codeShown = !connection.venueNeeded() || venueStep.get();
                    (codeShown ? codeProblem : problem).set(api.error().error().message());
                    return;
                }
                case 409 -> {
                    forgetPasswords();
                    alreadySetUp.accept(api.error().error().message());
                    return;
                }
                default -> {}
            }
        }
        problem.set(ServerCalls.plainWords(e, texts));
    }

    private void forgetPasswords() {
        password.set("");
        repeated.set("");
    }

    /** The server's (or the record's) sentence per field, next to that field: "Password must be at least …". */
    private void showFields(Map<String, String> fields) {
        fields.forEach((field, sentence) -> {
            ReadOnlyStringWrapper target = switch (field) {
                case "venue.name" -> venueNameProblem;
                case "venue.timezone" -> timezoneProblem;
                case "venue.currency" -> currencyProblem;
                case "venue.languages" -> languagesProblem;
                case "name" -> nameProblem;
                case "email" -> emailProblem;
                case "password" -> passwordProblem;
                case "code" -> codeProblem;
                default -> problem;
            };
            String said = label(field) + " " + sentence + ".";
            // a venue file's problems are many and named by their path: each on a line of its own
            target.set(target.get().isEmpty() ? said : target.get() + "\n" + said);
        });
    }

    private String label(String field) {
        return switch (field) {
            case "name" -> texts.get("firstrun.field.name");
            case "email" -> texts.get("firstrun.field.email");
            case "password" -> texts.get("firstrun.field.password");
            case "code" -> texts.get("firstrun.field.code");
            case "venue.name" -> texts.get("firstrun.venue.field.name");
            case "venue.timezone" -> texts.get("firstrun.venue.field.timezone");
            case "venue.currency" -> texts.get("firstrun.venue.field.currency");
            case "venue.languages" -> texts.get("firstrun.venue.field.languages");
            default -> field.startsWith("venueFile.") ? field.substring("venueFile.".length()) + ":" : field;
        };
    }

    private void clearProblems() {
        for (ReadOnlyStringWrapper each : new ReadOnlyStringWrapper[] {
            nameProblem,
            emailProblem,
            passwordProblem,
            repeatedProblem,
            codeProblem,
            problem,
            venueNameProblem,
            timezoneProblem,
            currencyProblem,
            languagesProblem,
            notice
        }) {
            each.set("");
        }
        ownProblems.clear();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatedProperty() {
        return repeated;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emailProblemProperty() {
        return emailProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordProblemProperty() {
        return passwordProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty repeatedProblemProperty() {
        return repeatedProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty codeProblemProperty() {
        return codeProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty venueStepProperty() {
        return venueStep.getReadOnlyProperty();
    }

    public StringProperty venueNameProperty() {
        return venueName;
    }

    public StringProperty timezoneProperty() {
        return timezone;
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public BooleanProperty englishProperty() {
        return english;
    }

    public BooleanProperty spanishProperty() {
        return spanish;
    }

    public ReadOnlyStringProperty venueNameProblemProperty() {
        return venueNameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timezoneProblemProperty() {
        return timezoneProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currencyProblemProperty() {
        return currencyProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty languagesProblemProperty() {
        return languagesProblem.getReadOnlyProperty();
    }

    /** "Venue saved: Hostal Sol. Now the owner's account." */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Nullable
    String problemOf(String field) {
        return switch (field) {
            case "name" -> nameProblem.get();
            case "email" -> emailProblem.get();
            case "password" -> passwordProblem.get();
            case "repeated" -> repeatedProblem.get();
            case "code" -> codeProblem.get();
            default -> problem.get();
        };
    }
}
