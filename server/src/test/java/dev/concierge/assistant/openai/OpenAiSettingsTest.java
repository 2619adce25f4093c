package dev.concierge.assistant.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiSettingsTest {
    @Test
    void withoutAKeyThereIsNoOpenAiEngine() {
        assertTrue(OpenAiSettings.fromEnvironment(Map.of("OPENAI_MODEL", "gpt-4.1")::get)
                .isEmpty());
    }

    @Test
    void theKeyAloneTakesTheOfficialEndpointAndTheDefaultModel() {
        OpenAiSettings settings = OpenAiSettings.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-live-1")::get)
                .orElseThrow();

        assertEquals("https://api.openai.com/v1", settings.baseUrl());
        assertEquals(OpenAiSettings.DEFAULT_MODEL, settings.model());
        assertEquals(4, settings.maxRounds());
    }

    @Test
    void anOpenAiCompatibleEndpointAndModelAreTakenAsGiven() {
        OpenAiSettings settings = OpenAiSettings.fromEnvironment(Map.of(
                        "OPENAI_API_KEY", "sk-live-1",
                        "OPENAI_BASE_URL", "http://10.0.0.5:11434/v1/",
                        "OPENAI_MODEL", "llama3.1")::get)
                .orElseThrow();

        assertEquals("http://10.0.0.5:11434/v1", settings.baseUrl());
        assertEquals("llama3.1", settings.model());
    }

    @Test
    void theKeyNeverAppearsInTheSettingsText() {
        OpenAiSettings settings = OpenAiSettings.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-live-secret")::get)
                .orElseThrow();

        assertFalse(settings.toString().contains("sk-live-secret"), settings.toString());
    }

    @Test
    void aBaseUrlThatIsNoHttpUrlStopsTheStart() {
        assertThrows(
                IllegalArgumentException.class,
                () -> OpenAiSettings.fromEnvironment(
                        Map.of("OPENAI_API_KEY", "sk-1", "OPENAI_BASE_URL", "api.openai.com")::get));
    }
}
