package dev.concierge.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    @TempDir
    Path dataDir;

    @Test
    void aSealedValueOpensOnlyForItsNameUnderItsKeyAndUnaltered() throws Exception {
        SecretBox box = SecretBox.forAppliance(dataDir, null);
        String sealed = box.seal("STRIPE_SECRET_KEY", "sk_live_51abc");

        assertFalse(sealed.contains("sk_live"), sealed);
        assertNotEquals(sealed, box.seal("STRIPE_SECRET_KEY", "sk_live_51abc"), "a fresh nonce each time");
        assertEquals("sk_live_51abc", box.open("STRIPE_SECRET_KEY", sealed));
        assertThrows(GeneralSecurityException.class, () -> box.open("OPENAI_API_KEY", sealed), "moved to another name");
        String altered = sealed.substring(0, sealed.length() - 6) + (sealed.endsWith("AAAA") ? "BBBB==" : "AAAA==");
        assertThrows(Exception.class, () -> box.open("STRIPE_SECRET_KEY", altered));
        SecretBox other = SecretBox.forAppliance(Files.createDirectory(dataDir.resolve("other")), null);
        assertThrows(GeneralSecurityException.class, () -> other.open("STRIPE_SECRET_KEY", sealed));
    }

    @Test
    void theKeyFileIsMadeOnceReadableByItsOwnerOnlyAndTheEnvironmentKeyWins() throws Exception {
        SecretBox first = SecretBox.forAppliance(dataDir, null);
        Path file = dataDir.resolve(SecretBox.KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String sealed = first.seal("N8N_WEBHOOK_SECRET", "whsec_x");
        assertEquals("whsec_x", SecretBox.forAppliance(dataDir, null).open("N8N_WEBHOOK_SECRET", sealed), "same key");

        String shared = Base64.getEncoder().encodeToString(new byte[32]);
        SecretBox fromEnvironment = SecretBox.forAppliance(dataDir, shared);
        assertThrows(GeneralSecurityException.class, () -> fromEnvironment.open("N8N_WEBHOOK_SECRET", sealed));
        assertThrows(
                IllegalArgumentException.class,
                () -> SecretBox.forAppliance(dataDir, Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> SecretBox.forAppliance(dataDir, "not base64!"));
    }
}
