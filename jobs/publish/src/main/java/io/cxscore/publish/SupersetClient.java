package io.cxscore.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pushes a {@link SupersetBundle} through Superset's REST API, the way its own front end does:
 * {@code POST /api/v1/security/login} for a JWT, {@code GET /api/v1/security/csrf_token/} for the CSRF
 * token (bound to the session cookie, which this client keeps), then a multipart
 * {@code POST /api/v1/dashboard/import/} with the ZIP in {@code formData}, {@code overwrite} and
 * {@code passwords}. The import answers only "OK", so the client then reads the dashboard, its charts
 * and datasets back by slug to report what exists now.
 *
 * <p>Credentials go into the login body only: no message, exception or {@code toString} carries them.
 */
public final class SupersetClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Superset login; {@code provider} is {@code db} for its own users, {@code ldap} for LDAP. */
    public record Credentials(String username, String password, String provider) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", provider=" + provider + "]";
        }
    }

    /** What the Superset server holds after the import. */
    public record ImportReport(long dashboardId, String dashboardTitle, String dashboardUrl, List<String> charts,
                               List<String> datasets) {}

    private final URI baseUrl;
    private final HttpClient http;

    public SupersetClient(URI baseUrl) {
        String text = baseUrl.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text : text + "/");
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager()) // the CSRF token is checked against the session cookie
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Logs in, imports the bundle ({@code overwrite} replaces objects with the same UUIDs) and reads back
     * the dashboard.
     *
     * @param passwords database passwords keyed by bundle path ({@code databases/X.yaml}); DuckDB files
     *     need none, so this is usually empty
     * @throws SupersetException with Superset's own error message when a step is refused
     */
    public ImportReport importDashboard(SupersetBundle bundle, Credentials credentials, boolean overwrite,
                                        Map<String, String> passwords) {
        String token = login(credentials);
        String csrf = csrfToken(token);

        String boundary = "cx-" + UUID.randomUUID();
        Multipart body = new Multipart(boundary)
                .file("formData", SupersetBundle.ROOT_FOLDER + ".zip", "application/zip", bundle.zip())
                .field("overwrite", Boolean.toString(overwrite))
                .field("passwords", SupersetBundle.json(passwords));
        HttpRequest request = HttpRequest.newBuilder(resolve("api/v1/dashboard/import/"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("X-CSRFToken", csrf)
                // Flask-WTF checks the Referer against the host on HTTPS
                .header("Referer", baseUrl.toString())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build();
        JsonNode imported = send(request, "import the dashboard bundle");
        if (!"OK".equals(imported.path("message").asText())) {
            throw new SupersetException("Superset answered the import with " + imported + " instead of {\"message\": \"OK\"}");
        }

        String slug = URLEncoder.encode(bundle.dashboardSlug(), StandardCharsets.UTF_8);
        JsonNode dashboard = get("api/v1/dashboard/" + slug, token, "read back the imported dashboard").path("result");
        List<String> charts = new ArrayList<>();
        for (JsonNode chart : get("api/v1/dashboard/" + slug + "/charts", token, "list the dashboard's charts").path("result")) {
            charts.add(chart.path("slice_name").asText());
        }
        List<String> datasets = new ArrayList<>();
        for (JsonNode dataset : get("api/v1/dashboard/" + slug + "/datasets", token, "list the dashboard's datasets").path("result")) {
            datasets.add(dataset.path("table_name").asText());
        }
        String url = dashboard.path("url").asText("/superset/dashboard/" + slug + "/");
        return new ImportReport(dashboard.path("id").asLong(), dashboard.path("dashboard_title").asText(),
                resolve(url.startsWith("/") ? url.substring(1) : url).toString(), charts, datasets);
    }

    private String login(Credentials credentials) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", credentials.username());
        body.put("password", credentials.password());
        body.put("provider", credentials.provider());
        body.put("refresh", false);
        HttpRequest request = HttpRequest.newBuilder(resolve("api/v1/security/login"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SupersetBundle.json(body)))
                .build();
        JsonNode answer = send(request, "log in as " + credentials.username());
        String token = answer.path("access_token").asText("");
        if (token.isEmpty()) throw new SupersetException("Superset's login answer has no access_token");
        return token;
    }

    private String csrfToken(String token) {
        String csrf = get("api/v1/security/csrf_token/", token, "get a CSRF token").path("result").asText("");
        if (csrf.isEmpty()) throw new SupersetException("Superset's csrf_token answer has no result");
        return csrf;
    }

    private JsonNode get(String path, String token, String what) {
        return send(HttpRequest.newBuilder(resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build(), what);
    }

    private JsonNode send(HttpRequest request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SupersetException("cannot reach Superset at " + baseUrl + " to " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupersetException("interrupted while trying to " + what, e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new SupersetException("Superset refused to " + what + " (HTTP " + response.statusCode() + "): "
                    + errorText(body, response.body()), response.statusCode());
        }
        if (body == null) {
            throw new SupersetException("Superset answered " + what + " with something other than JSON: "
                    + abbreviate(response.body()));
        }
        return body;
    }

    /**
     * Superset reports errors as {@code {"message": "..."}} (or a message object keyed by field), or,
     * for command errors such as a failed import, as {@code {"errors": [{"message", "error_type",
     * "extra": {"<bundle path>": "<what is wrong>", "issue_codes": [...]}}]}}.
     */
    static String errorText(JsonNode body, String raw) {
        if (body == null) return abbreviate(raw);
        List<String> parts = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            StringBuilder part = new StringBuilder(error.path("message").asText("(no message)"));
            if (error.hasNonNull("error_type")) part.append(" [").append(error.get("error_type").asText()).append(']');
            error.path("extra").fields().forEachRemaining(field -> {
                if (field.getKey().equals("issue_codes")) return;
                part.append("; ").append(field.getKey()).append(": ")
                        .append(field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString());
            });
            parts.add(part.toString());
        }
        JsonNode message = body.path("message");
        if (message.isTextual()) parts.add(message.asText());
        else if (message.isObject() || message.isArray()) parts.add(message.toString());
        return parts.isEmpty() ? abbreviate(raw) : String.join(" | ", parts);
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        if (text == null || text.isBlank()) return "(empty answer)";
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    private URI resolve(String path) {
        return baseUrl.resolve(path);
    }

    /** multipart/form-data, as RFC 7578 has it: fields and one file, CRLF line ends. */
    private static final class Multipart {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart(String boundary) {
            this.boundary = boundary;
        }

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, String contentType, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] bytes() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
