package dev.concierge.console.firstrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.ApiClient;
import dev.concierge.api.ApiError;
import dev.concierge.api.ApiException;
import dev.concierge.api.OwnerSetup;
import dev.concierge.api.VenueProfile;
import dev.concierge.api.VenueSetup;
import dev.concierge.console.Connection;
import dev.concierge.console.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRunViewModelTest {
    private static final URI SERVER = URI.create("http://localhost:7070");

    private final List<OwnerSetup> asked = new ArrayList<>();
    private final List<VenueSetup> venues = new ArrayList<>();
    private final AtomicReference<@Nullable Session> signedIn = new AtomicReference<>();
    private final AtomicReference<@Nullable String> backToSignIn = new AtomicReference<>();
    private @Nullable RuntimeException refusal;

    @Test
    void theConsoleThatStartedTheServerKnowsTheCodeAndLandsSignedInAsTheOwner() {
        FirstRunViewModel model = model(new Connection(SERVER, List.of(), true, "ABCD-EFGH"));
        assertFalse(model.codeNeeded());

        fill(model, "correct horse battery", "correct horse battery");
        model.create();

        assertEquals(
                List.of(new OwnerSetup("ABCD-EFGH", "Marta Ferrer", "marta@miramar.example", "correct horse battery")),
                asked);
        Session session = signedIn.get();
        assertEquals("owner", session == null ? null : session.role());
        assertEquals("", model.passwordProperty().get(), "no password is kept");
    }

    @TempDir
    Path temp;

    @Test
    void aServerWithoutAVenueAsksForItsBasicsFirstThenForTheOwner() {
        FirstRunViewModel model = model(new Connection(SERVER, List.of(), true, true, "ABCD-EFGH"));
        assertTrue(model.venueStepProperty().get());

        model.englishProperty().set(false);
        model.spanishProperty().set(false);
        model.saveVenue();
        assertEquals(
                "The venue's name is required.",
                model.venueNameProblemProperty().get());
        assertTrue(
                model.languagesProblemProperty().get().startsWith("The languages"),
                model.languagesProblemProperty().get());
        assertTrue(venues.isEmpty(), "nothing sent while the record refuses it");

        model.venueNameProperty().set("Hostal Sol");
        model.timezoneProperty().set("Atlantic/Canary");
        model.spanishProperty().set(true);
        model.saveVenue();

        assertEquals(
                List.of(new VenueSetup(
                        "ABCD-EFGH",
                        new VenueSetup.Basics("Hostal Sol", "Atlantic/Canary", "EUR", List.of("es")),
                        null)),
                venues);
        assertFalse(model.venueStepProperty().get(), "on to the owner");
        assertEquals(
                "Venue saved: Hostal Sol. Now the owner's account.",
                model.noticeProperty().get());
        fill(model, "correct horse battery", "correct horse battery");
        model.create();
        assertEquals("ABCD-EFGH", asked.get(0).code());
    }

    @Test
    void aCodeRefusedAfterTheVenuesStepStandsUnderTheOwnersCardWhichHasNoCodeField() {
        FirstRunViewModel model = model(new Connection(SERVER, List.of(), true, true, null));
        model.codeProperty().set("ABCD-EFGH");
        model.venueNameProperty().set("Hostal Sol");
        model.saveVenue();
        assertFalse(model.venueStepProperty().get());

        refusal = refused(403, "wrong_setup_code", "That setup code is not right.", null);
        fill(model, "correct horse battery", "correct horse battery");
        model.create();

        assertEquals("That setup code is not right.", model.problemProperty().get());
        assertEquals("", model.codeProblemProperty().get());
    }

    @Test
    void aVenueFileIsSentWholeAndItsProblemsShowByTheirPath() throws IOException {
        FirstRunViewModel model = model(new Connection(SERVER, List.of(), true, true, null));
        Path file = Files.writeString(temp.resolve("sol.yaml"), "venue:\n  name: Hostal Sol\n");
        model.codeProperty().set("ABCD-EFGH");
        refusal = refused(
                400, "invalid", "The venue file has 1 problem", Map.of("venueFile.venue.timezone", "is missing"));

        model.importVenueFile(file);

        assertEquals("venue:\n  name: Hostal Sol\n", venues.get(0).venueFile());
        assertEquals("venue.timezone: is missing.", model.problemProperty().get());
        assertTrue(model.venueStepProperty().get(), "still the venue's step");

        refusal = null;
        model.importVenueFile(file);
        assertFalse(model.venueStepProperty().get());

        model.importVenueFile(temp.resolve("missing.yaml"));
        assertEquals(2, venues.size(), "an unreadable file sends nothing");
    }

    @Test
    void thePasswordsMustMatchBeforeAnythingIsSent() {
        FirstRunViewModel model = model(new Connection(SERVER, List.of(), true, "ABCD-EFGH"));

        fill(model, "correct horse battery", "correct horse batery");
        model.create();

        assertEquals(
                "The two passwords are not the same.",
                model.repeatedProblemProperty().get());
        assertTrue(asked.isEmpty());
    }

    @Test
    void aSwitchToSpanishSaysTheCardsOwnProblemsAgainAndKeepsWhatWasTyped() {
        FirstRunViewModel model = model(new Connection(SERVER, List.of(), false, null));
        fill(model, "correct horse battery", "correct horse batery");
        model.nameProperty().set("");
        model.create();
        assertEquals(
                "The two passwords are not the same.",
                model.repeatedProblemProperty().get());

        dev.concierge.console.Texts spanish = new dev.concierge.console.Texts(dev.concierge.console.UiLanguage.ES);
        model.speak(spanish);

        assertEquals(
                "Las dos contraseñas no son iguales.",
                model.repeatedProblemProperty().get());
        assertEquals(
                "Indique el nombre del propietario.",
                model.nameProblemProperty().get());
        assertEquals(
                spanish.get("firstrun.code.missing"),
                model.codeProblemProperty().get());
        assertEquals("", model.emailProblemProperty().get(), "a field that was fine stays fine");
        assertEquals("marta@miramar.example", model.emailProperty().get());
        assertEquals("correct horse batery", model.repeatedProperty().get());
        assertEquals(spanish, model.texts());
        assertTrue(asked.isEmpty());
    }

    @Test
    void aServerOnTheLanNeedsItsCodeAndAWrongOneIsSaidNextToIt() {
        FirstRunViewModel model = model(new Connection(SERVER, List.of(), true, null));
        assertTrue(model.codeNeeded());
        fill(model, "correct horse battery", "correct horse battery");

        model.create();
        assertEquals(
                "Type the setup code printed where the server started.",
                model.codeProblemProperty().get());
        assertTrue(asked.isEmpty());

        refusal = refused(
                403,
                "invalid_setup_code",
                "That setup code is not right: it is printed where the server started.",
                null);
        model.codeProperty().set("WRON-GCOD");
        model.create();
        assertEquals(
                "That setup code is not right: it is printed where the server started.",
                model.codeProblemProperty().get());
        assertNull(signedIn.get());
    }

    @Test
    void theServersFieldRefusalsStandNextToTheirFields() {
        FirstRunViewModel model = model(new Connection(SERVER, List.of(), true, "ABCD-EFGH"));
        refusal = refused(400, "invalid", "Check the fields.", Map.of("password", "must be at least 10 characters"));

        fill(model, "short", "short");
        model.create();

        assertEquals(
                "The password must be at least 10 characters.",
                model.passwordProblemProperty().get());
        assertEquals("", model.problemProperty().get());
    }

    @Test
    void anOwnerCreatedMeanwhileLeadsToTheSignIn() {
        FirstRunViewModel model = model(new Connection(SERVER, List.of(), true, "ABCD-EFGH"));
        refusal = refused(409, "already_set_up", "This appliance has its owner already.", null);

        fill(model, "correct horse battery", "correct horse battery");
        model.create();

        assertEquals("This appliance has its owner already.", backToSignIn.get());
    }

    private static void fill(FirstRunViewModel model, String password, String again) {
        model.nameProperty().set("Marta Ferrer");
        model.emailProperty().set("marta@miramar.example");
        model.passwordProperty().set(password);
        model.repeatedProperty().set(again);
    }

    private static ApiException refused(int status, String code, String message, @Nullable Map<String, String> fields) {
        return new ApiException(status, new ApiError(new ApiError.Detail(code, message, fields, null)));
    }

    private FirstRunViewModel model(Connection connection) {
        FirstRunApi api = new FirstRunApi() {
            @Override
            public VenueProfile setUpVenue(Connection server, VenueSetup setup) {
                venues.add(setup);
                if (refusal != null) {
                    throw refusal;
                }
                String name = setup.venue() != null ? setup.venue().name() : "Hostal Sol";
                return new VenueProfile(name, "Atlantic/Canary", "EUR", List.of("es"), null, null, null);
            }

            @Override
            public Session createOwner(Connection server, OwnerSetup setup) {
                asked.add(setup);
                if (refusal != null) {
                    throw refusal;
                }
                return new Session(
                        server.server(),
                        ApiClient.of(server.server()),
                        setup.email(),
                        setup.name(),
                        "owner",
                        new VenueProfile("Hotel Miramar", "Europe/Madrid", "EUR", List.of("en"), null, null, null));
            }
        };
        return new FirstRunViewModel(
                dev.concierge.console.Texts.english(),
                connection,
                api,
                Runnable::run,
                Runnable::run,
                signedIn::set,
                backToSignIn::set);
    }
}
