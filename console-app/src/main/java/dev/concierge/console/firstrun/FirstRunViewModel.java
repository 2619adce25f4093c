package dev.concierge.console.firstrun;

import dev.concierge.api.ApiException;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.api.OwnerSetup;
import dev.concierge.console.Connection;
import dev.concierge.console.ServerCalls;
import dev.concierge.console.Session;
import dev.concierge.console.Texts;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
            progress.set(texts.get("firstrun.creating"));
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
                    codeProblem.set(api.error().error().message());
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
                case "name" -> nameProblem;
                case "email" -> emailProblem;
                case "password" -> passwordProblem;
                case "code" -> codeProblem;
                default -> problem;
            };
            target.set(label(field) + " " + sentence + ".");
        });
    }

    private String label(String field) {
        return switch (field) {
            case "name" -> texts.get("firstrun.field.name");
            case "email" -> texts.get("firstrun.field.email");
            case "password" -> texts.get("firstrun.field.password");
            case "code" -> texts.get("firstrun.field.code");
            default -> field;
        };
    }

    private void clearProblems() {
        for (ReadOnlyStringWrapper each : new ReadOnlyStringWrapper[] {
            nameProblem, emailProblem, passwordProblem, repeatedProblem, codeProblem, problem
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
