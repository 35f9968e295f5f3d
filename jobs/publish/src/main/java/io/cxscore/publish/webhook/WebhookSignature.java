package io.cxscore.publish.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook request proves it came from us and was not replayed.
 *
 * <p>Headers on every request:
 * <ul>
 *   <li>{@code X-Cx-Timestamp}: Unix seconds when the request was signed;</li>
 *   <li>{@code X-Cx-Signature}: {@code v1=} and the lowercase hex HMAC-SHA256, keyed with the shared
 *       secret, of the timestamp, a full stop and the raw body bytes ({@code <timestamp>.<body>});</li>
 *   <li>{@code Idempotency-Key}: the update's UUID, the same on every retry of that update.</li>
 * </ul>
 * A receiver recomputes the HMAC over the bytes it received, compares in constant time, rejects a
 * timestamp more than five minutes from its clock, and treats a second request with a key it has
 * already processed as done (answering 2xx or 409), because an acknowledgement can be lost on the way back.
 */
public final class WebhookSignature {
    public static final String TIMESTAMP_HEADER = "X-Cx-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Cx-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final long TOLERANCE_SECONDS = 300;

    private WebhookSignature() {}

    public static String sign(byte[] secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable or the secret is empty", e);
        }
    }

    /** True when the signature matches and the timestamp is within {@link #TOLERANCE_SECONDS} of {@code nowSeconds}. */
    public static boolean verify(byte[] secret, String timestampHeader, byte[] body, String signatureHeader,
                                 long nowSeconds) {
        if (timestampHeader == null || signatureHeader == null) return false;
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS) return false;
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
