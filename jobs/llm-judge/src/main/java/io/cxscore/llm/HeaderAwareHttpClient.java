package io.cxscore.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The HTTP client under langchain4j's provider clients, on the JDK's {@link java.net.http.HttpClient}. It exists
 * for one reason: langchain4j's own error carries the status but drops the response headers, and a 429's
 * {@code Retry-After} is in a header. This client throws {@link StatusException}, which keeps it.
 */
final class HeaderAwareHttpClient implements HttpClient {
    /** A non-2xx answer, with the server's Retry-After when it sent one. */
    static final class StatusException extends HttpException {
        final Duration retryAfter;

        StatusException(int status, String body, Duration retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }
    }

    private final java.net.http.HttpClient jdk;
    private final Duration readTimeout;

    private HeaderAwareHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.jdk = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout)
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        this.readTimeout = readTimeout;
    }

    static HttpClientBuilder builder(Duration timeout) {
        return new HttpClientBuilder() {
            Duration connect = timeout;
            Duration read = timeout;

            @Override
            public Duration connectTimeout() {
                return connect;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration d) {
                if (d != null) connect = d;
                return this;
            }

            @Override
            public Duration readTimeout() {
                return read;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration d) {
                if (d != null) read = d;
                return this;
            }

            @Override
            public HttpClient build() {
                return new HeaderAwareHttpClient(connect, read);
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            for (String v : h.getValue()) b.header(h.getKey(), v);
        }
        String body = request.body();
        b.method(request.method().name(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r;
        try {
            r = jdk.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransportException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(e);
        }
        if (r.statusCode() < 200 || r.statusCode() >= 300) {
            throw new StatusException(r.statusCode(), r.body(), retryAfter(r.headers().firstValue("retry-after").orElse(null)));
        }
        return SuccessfulHttpResponse.builder().statusCode(r.statusCode()).headers(r.headers().map()).body(r.body()).build();
    }

    /** A call that got no HTTP answer: refused, reset, or timed out. */
    static final class TransportException extends RuntimeException {
        TransportException(Exception cause) {
            super(cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : ""), cause);
        }
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            return Duration.ofMillis((long) (Double.parseDouble(header.trim()) * 1000));
        } catch (NumberFormatException e) {
            try {
                var when = java.time.ZonedDateTime.parse(header.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(java.time.Instant.now(), when.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("the judge does not stream");
    }
}
