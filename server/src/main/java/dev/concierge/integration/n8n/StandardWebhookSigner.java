package dev.concierge.integration.n8n;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook as Standard Webhooks 1.0 says: HMAC-SHA256 over {@code id.timestamp.body} with the secret's key
 * (the base64 after {@code whsec_}), sent as {@code v1,<base64>}.
 */
final class StandardWebhookSigner {
    private static final String PREFIX = "whsec_";
    private final byte[] key;

    private StandardWebhookSigner(byte[] key) {
        this.key = key;
    }

    /** The signer of {@code secret} ({@code whsec_} + base64 of 24 to 64 random bytes). */
    static StandardWebhookSigner of(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("N8N_WEBHOOK_SECRET must be whsec_ followed by base64", e);
        }
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("N8N_WEBHOOK_SECRET must hold 24 to 64 bytes of key, not " + key.length);
        }
        return new StandardWebhookSigner(key);
    }

    /** The {@code webhook-signature} header's value. */
    String sign(String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
