package io.cxscore.publish.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxscore.publish.gaps.GapUpdate;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Posts gap updates to an owner's webhook, signed ({@link WebhookSignature}), at least once per
 * attempt cycle and never again once acknowledged: a receiver that acknowledged an update never gets
 * it twice, across runs and restarts, because the {@link DeliveryLedger} is consulted before and
 * written (and forced to disk) right after every acknowledgement.
 *
 * <p>A 2xx answer, or 409 (the receiver already has that idempotency key), acknowledges. Timeouts,
 * connection errors, 408, 425, 429 and 5xx are retried with {@link RetryPolicy} backoff; any other
 * answer will not improve on retry. An update that runs out of attempts, or is refused outright, goes
 * to the dead-letter file with its body and the last error, and is not tried again by later runs
 * unless they are asked to redrive dead letters.
 */
public final class WebhookDelivery {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What happened to one batch of updates at one receiver. */
    public record Report(String ownerTeam, int delivered, int alreadyDelivered, int skippedDeadLetters,
                         int deadLettered, int attempts) {
        public String describe() {
            return ownerTeam + ": " + delivered + " delivered, " + alreadyDelivered + " already delivered, "
                    + deadLettered + " dead-lettered" + (skippedDeadLetters > 0
                    ? ", " + skippedDeadLetters + " earlier dead letters not retried" : "");
        }
    }

    /** Waits between retries; tests may pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient http;
    private final RetryPolicy policy;
    private final DeliveryLedger ledger;
    private final Path deadLetterFile;
    private final Clock clock;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    public WebhookDelivery(RetryPolicy policy, DeliveryLedger ledger, Path deadLetterFile, Clock clock,
                           RandomGenerator random, Sleeper sleeper) {
        this.http = HttpClient.newBuilder().connectTimeout(policy.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.policy = policy;
        this.ledger = ledger;
        this.deadLetterFile = deadLetterFile;
        this.clock = clock;
        this.random = random;
        this.sleeper = sleeper;
    }

    public static WebhookDelivery standard(Path ledgerFile, Path deadLetterFile) {
        return new WebhookDelivery(RetryPolicy.DEFAULT, DeliveryLedger.open(ledgerFile), deadLetterFile,
                Clock.systemUTC(), RandomGenerator.getDefault(), d -> Thread.sleep(d.toMillis()));
    }

    public Report deliver(WebhookTarget target, List<GapUpdate> updates, boolean redriveDeadLetters)
            throws InterruptedException {
        int delivered = 0;
        int already = 0;
        int skipped = 0;
        int dead = 0;
        int attempts = 0;
        for (GapUpdate update : updates) {
            String idempotencyKey = update.uuid().toString();
            String key = DeliveryLedger.key(target.ownerTeam(), idempotencyKey);
            if (ledger.delivered(key)) {
                already++;
                continue;
            }
            if (ledger.deadLettered(key) && !redriveDeadLetters) {
                skipped++;
                continue;
            }
            byte[] body = SlackMessage.body(update);
            String lastError = null;
            boolean acknowledged = false;
            boolean permanent = false;
            int tries = 0;
            while (tries < policy.maxAttempts() && !acknowledged && !permanent) {
                if (tries > 0) sleeper.sleep(policy.delayBeforeRetry(tries, random));
                tries++;
                attempts++;
                try {
                    HttpResponse<String> response = http.send(request(target, idempotencyKey, update.id(), body),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    int status = response.statusCode();
                    if ((status >= 200 && status < 300) || status == 409) {
                        acknowledged = true;
                    } else {
                        lastError = "HTTP " + status;
                        permanent = !retryable(status);
                    }
                } catch (IOException e) {
                    // HttpTimeoutException included: the receiver may have processed it; the key makes a retry safe
                    lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                }
            }
            if (acknowledged) {
                ledger.record(key, update.id(), DeliveryLedger.Outcome.DELIVERED, tries, clock.instant());
                delivered++;
            } else {
                deadLetter(target, update, idempotencyKey, body, tries, lastError);
                ledger.record(key, update.id(), DeliveryLedger.Outcome.DEAD_LETTER, tries, clock.instant());
                dead++;
            }
        }
        return new Report(target.ownerTeam(), delivered, already, skipped, dead, attempts);
    }

    private HttpRequest request(WebhookTarget target, String idempotencyKey, String updateId, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(target.url())
                .timeout(policy.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(target.secret(), timestamp, body))
                .header(WebhookSignature.IDEMPOTENCY_HEADER, idempotencyKey)
                .header("X-Cx-Update-Id", updateId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    /** The body and the error, never the URL or the secret: a person redrives it after fixing the receiver. */
    private void deadLetter(WebhookTarget target, GapUpdate update, String idempotencyKey, byte[] body, int attempts,
                            String lastError) {
        ObjectNode n = JSON.createObjectNode();
        n.put("owner_team", target.ownerTeam());
        n.put("update_id", update.id());
        n.put("idempotency_key", idempotencyKey);
        n.put("attempts", attempts);
        n.put("last_error", lastError);
        n.put("dead_lettered_at", clock.instant().toString());
        n.put("body", new String(body, StandardCharsets.UTF_8));
        DeliveryLedger.appendLine(deadLetterFile, n);
    }
}
