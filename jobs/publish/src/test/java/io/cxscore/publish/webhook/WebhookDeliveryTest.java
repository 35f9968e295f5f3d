package io.cxscore.publish.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cxscore.publish.gaps.GapState;
import io.cxscore.publish.gaps.GapUpdate;
import io.cxscore.publish.gaps.Owner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loopback receiver (JDK HttpServer on 127.0.0.1) that misbehaves on purpose: it fails with 500,
 * answers after the sender's timeout (so the sender never hears the acknowledgement), acknowledges
 * repeats of a key it already processed again (200 or 409), and refuses one update for longer than
 * the sender's attempts last.
 */
class WebhookDeliveryTest {
    private static final byte[] SECRET = "0123456789abcdef-test-secret".getBytes(StandardCharsets.UTF_8);
    private static final Owner DOCS = new Owner("docs-team", "docs@example.com", "slack", false);
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(40),
            Duration.ofMillis(400));

    /** What the receiver saw of one request. */
    record Seen(String key, boolean signatureValid, boolean acknowledgedInTime) {}

    /** Per idempotency key: what to do on the n-th request (0-based); past the end, answer 200. */
    enum Script { OK, FAIL_500, SLOW_200, DUPLICATE_409, FAIL_503 }

    @TempDir
    Path tmp;

    private HttpServer server;
    private ExecutorService executor;
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> processed = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> requestsPerKey = new ConcurrentHashMap<>();
    private final Map<String, List<Script>> scripts = new ConcurrentHashMap<>();

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/hook", this::handle);
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestHeaders().getFirst(WebhookSignature.IDEMPOTENCY_HEADER);
        boolean valid = WebhookSignature.verify(SECRET, exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                body, exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                System.currentTimeMillis() / 1000);
        int n = requestsPerKey.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
        List<Script> script = scripts.getOrDefault(key, List.of());
        Script step = n < script.size() ? script.get(n) : Script.OK;
        if (!valid) {
            respond(exchange, 401);
            seen.add(new Seen(key, false, false));
            return;
        }
        // recorded on arrival, so the order of `seen` is the order requests were sent in
        seen.add(new Seen(key, true, step == Script.OK || step == Script.DUPLICATE_409));
        switch (step) {
            case FAIL_500 -> respond(exchange, 500);
            case FAIL_503 -> respond(exchange, 503);
            case SLOW_200 -> {
                processed.add(key); // processed, but the sender stops waiting before the answer comes
                sleep(900);
                respond(exchange, 200);
            }
            case DUPLICATE_409 -> respond(exchange, processed.add(key) ? 200 : 409);
            case OK -> {
                processed.add(key); // a repeat of a processed key is acknowledged again, not processed again
                respond(exchange, 200);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static GapUpdate update(String subject, GapState state) {
        LocalDate day = LocalDate.parse("2026-10-08");
        return new GapUpdate("gap-" + Integer.toHexString(subject.hashCode()), "knowledge / missing article: " + subject,
                DOCS, state, day, day, "knowledge", "missing_article", 3, 2.0, 3.5, -1.5, day.minusDays(5), day,
                List.of("c1", "c2"));
    }

    private WebhookTarget target() {
        return new WebhookTarget(DOCS.team(), URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"), SECRET);
    }

    private WebhookDelivery delivery(List<Duration> waits) {
        return new WebhookDelivery(FAST, DeliveryLedger.open(tmp.resolve("ledger.jsonl")), tmp.resolve("dead-letter.jsonl"),
                Clock.systemUTC(), new Random(7), d -> {
                    waits.add(d);
                    Thread.sleep(d.toMillis());
                });
    }

    @Test
    void should_deliver_every_update_once_with_valid_signatures_when_the_receiver_fails_times_out_and_duplicates_acks()
            throws Exception {
        // given
        List<GapUpdate> updates = List.of(update("fails-once", GapState.NEW), update("slow-ack", GapState.NEW),
                update("dup-ack", GapState.REGRESSED), update("fine", GapState.RESOLVED), update("down", GapState.NEW));
        scripts.put(key(updates.get(0)), List.of(Script.FAIL_500, Script.OK));
        scripts.put(key(updates.get(1)), List.of(Script.SLOW_200, Script.OK));
        scripts.put(key(updates.get(2)), List.of(Script.SLOW_200, Script.DUPLICATE_409));
        scripts.put(key(updates.get(4)), List.of(Script.FAIL_503, Script.FAIL_503, Script.FAIL_503, Script.FAIL_503));
        List<Duration> waits = new ArrayList<>();

        // when: a first run, a restart (new ledger object from the same file), and a redrive of dead letters
        WebhookDelivery.Report first = delivery(waits).deliver(target(), updates, false);
        WebhookDelivery.Report restarted = delivery(waits).deliver(target(), updates, false);
        WebhookDelivery.Report redriven = delivery(waits).deliver(target(), updates, true);
        WebhookDelivery.Report afterAll = delivery(waits).deliver(target(), updates, true);

        // then
        assertThat(first.delivered()).isEqualTo(4);
        assertThat(first.deadLettered()).isEqualTo(1);
        assertThat(restarted.delivered()).isZero();
        assertThat(restarted.alreadyDelivered()).isEqualTo(4);
        assertThat(restarted.skippedDeadLetters()).isEqualTo(1);
        assertThat(redriven.delivered()).isEqualTo(1);
        assertThat(afterAll.alreadyDelivered()).isEqualTo(5);
        assertThat(afterAll.attempts()).isZero();

        assertThat(seen).allSatisfy(s -> assertThat(s.signatureValid()).isTrue());
        Set<String> expected = new HashSet<>();
        updates.forEach(u -> expected.add(key(u)));
        assertThat(processed).isEqualTo(expected);
        // once the sender heard an acknowledgement, it never sent that key again
        Map<String, Integer> requestsAfterAck = new HashMap<>();
        Set<String> acked = new HashSet<>();
        for (Seen s : new ArrayList<>(seen)) {
            if (acked.contains(s.key())) requestsAfterAck.merge(s.key(), 1, Integer::sum);
            if (s.acknowledgedInTime()) acked.add(s.key());
        }
        assertThat(requestsAfterAck).isEmpty();
        assertThat(Files.readAllLines(tmp.resolve("dead-letter.jsonl"))).singleElement().asString()
                .contains(key(updates.get(4))).contains("HTTP 503").doesNotContain("127.0.0.1")
                .doesNotContain(new String(SECRET, StandardCharsets.UTF_8));
        // backoff grows and is jittered within [d/2, d]
        assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(Duration.ofMillis(2), Duration.ofMillis(40)));
    }

    @Test
    void should_dead_letter_at_once_when_the_receiver_refuses_an_update() throws Exception {
        // given: a receiver that checks signatures with another secret answers 401
        GapUpdate u = update("refused", GapState.NEW);
        WebhookTarget wrongSecret = new WebhookTarget(DOCS.team(), target().url(),
                "another-secret-of-16+".getBytes(StandardCharsets.UTF_8));

        // when
        WebhookDelivery.Report report = delivery(new ArrayList<>()).deliver(wrongSecret, List.of(u), false);

        // then
        assertThat(report.deadLettered()).isEqualTo(1);
        assertThat(report.attempts()).isEqualTo(1);
        assertThat(processed).isEmpty();
    }

    @Test
    void should_ignore_a_torn_last_ledger_line_when_reopened_after_a_crash() throws Exception {
        // given
        Path ledgerFile = tmp.resolve("ledger.jsonl");
        Files.writeString(ledgerFile, "{\"key\":\"docs-team/a\",\"update_id\":\"x\",\"outcome\":\"delivered\",\"attempts\":1}\n{\"key\":\"docs-te");

        // when
        DeliveryLedger ledger = DeliveryLedger.open(ledgerFile);

        // then
        assertThat(ledger.delivered("docs-team/a")).isTrue();
        assertThat(ledger.delivered("docs-te")).isFalse();
    }

    @Test
    void should_take_secrets_from_the_environment_and_never_show_them() {
        // given
        Map<String, String> env = Map.of("CX_WEBHOOK_URL_DOCS_TEAM", "https://hooks.example.com/T000/SECRETPATH",
                "CX_WEBHOOK_SECRET_DOCS_TEAM", "s3cr3t-s3cr3t-s3cr3t");

        // when
        WebhookTarget target = WebhookTarget.fromEnvironment(DOCS, env).orElseThrow();

        // then
        assertThat(target.toString()).doesNotContain("SECRETPATH").doesNotContain("s3cr3t");
        assertThat(WebhookTarget.fromEnvironment(new Owner("billing", null, null, false), env)).isEmpty();
        assertThatThrownBy(() -> WebhookTarget.fromEnvironment(DOCS, Map.of("CX_WEBHOOK_URL", "https://x.example/hook")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CX_WEBHOOK_SECRET")
                .hasMessageNotContaining("x.example");
    }

    @Test
    void should_reject_a_stale_or_altered_request_when_verifying() {
        // given
        byte[] body = "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign(SECRET, 1_000_000, body);

        // then
        assertThat(WebhookSignature.verify(SECRET, "1000000", body, signature, 1_000_100)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, "1000000", body, signature, 1_000_000 + 301)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1000000", "{\"text\":\"hI\"}".getBytes(StandardCharsets.UTF_8),
                signature, 1_000_000)).isFalse();
    }

    private static String key(GapUpdate u) {
        return u.uuid().toString();
    }
}
