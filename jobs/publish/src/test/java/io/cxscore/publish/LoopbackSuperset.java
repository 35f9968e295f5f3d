package io.cxscore.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Superset's REST API on 127.0.0.1, answering the calls {@link SupersetClient} makes
 * with the status codes and JSON shapes Superset uses: login (JWT, 401 {"message": "Not authorized"}),
 * the CSRF token (bound to a session cookie it sets), the dashboard import (multipart, 422 with the
 * command-error JSON when a dashboard's UUID exists and overwrite is not true) and the read-back of a
 * dashboard, its charts and datasets by slug. It checks the ZIP against {@link SupersetImportRules}
 * as the real importer would.
 */
final class LoopbackSuperset implements AutoCloseable {
    static final String USER = "admin";
    static final String PASSWORD = "s3cret-Pa55";
    private static final String ACCESS_TOKEN = "jwt-access-1";
    private static final String SESSION = "session-7";
    private static final String CSRF = "csrf-42";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One import request as it arrived. */
    record ImportCall(String authorization, String csrfToken, String cookie, String fileName, byte[] zip,
                      String overwrite, String passwords) {}

    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<ImportCall> imports = new CopyOnWriteArrayList<>();
    final List<JsonNode> loginBodies = new CopyOnWriteArrayList<>();
    /** dashboard uuid to its state: title, slug, chart titles, dataset tables */
    private final Map<String, Map<String, Object>> dashboards = new LinkedHashMap<>();
    private final HttpServer server;
    private int nextId = 1;

    LoopbackSuperset() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized int dashboardCount() {
        return dashboards.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            if (method.equals("POST") && path.equals("/api/v1/security/login")) {
                JsonNode login = JSON.readTree(body);
                loginBodies.add(login);
                if (USER.equals(login.path("username").asText()) && PASSWORD.equals(login.path("password").asText())
                        && "db".equals(login.path("provider").asText())) {
                    reply(exchange, 200, Map.of("access_token", ACCESS_TOKEN));
                } else {
                    reply(exchange, 401, Map.of("message", "Not authorized"));
                }
                return;
            }
            if (!("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, Map.of("msg", "Missing Authorization Header"));
                return;
            }
            if (method.equals("GET") && path.equals("/api/v1/security/csrf_token/")) {
                exchange.getResponseHeaders().add("Set-Cookie", "session=" + SESSION + "; Path=/; HttpOnly");
                reply(exchange, 200, Map.of("result", CSRF));
                return;
            }
            if (method.equals("POST") && path.equals("/api/v1/dashboard/import/")) {
                importDashboard(exchange, body);
                return;
            }
            if (method.equals("GET") && path.startsWith("/api/v1/dashboard/")) {
                readBack(exchange, path.substring("/api/v1/dashboard/".length()));
                return;
            }
            reply(exchange, 404, Map.of("message", "Not found"));
        } catch (RuntimeException e) {
            reply(exchange, 500, Map.of("message", "loopback server: " + e));
        }
    }

    private void importDashboard(HttpExchange exchange, byte[] body) throws IOException {
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        String csrf = exchange.getRequestHeaders().getFirst("X-CSRFToken");
        if (cookie == null || !cookie.contains("session=" + SESSION) || !CSRF.equals(csrf)) {
            // what Flask-WTF answers when the token is missing or not the session's
            reply(exchange, 400, Map.of("errors", List.of(Map.of("message", "400 Bad Request: The CSRF token is missing.",
                    "error_type", "GENERIC_BACKEND_ERROR", "level", "error"))));
            return;
        }
        Map<String, Multipart.Part> parts = Multipart.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body);
        Multipart.Part file = parts.get("formData");
        String overwrite = parts.containsKey("overwrite") ? parts.get("overwrite").text() : null;
        String passwords = parts.containsKey("passwords") ? parts.get("passwords").text() : null;
        imports.add(new ImportCall(exchange.getRequestHeaders().getFirst("Authorization"), csrf, cookie,
                file == null ? null : file.fileName(), file == null ? null : file.content(), overwrite, passwords));
        if (file == null) {
            reply(exchange, 400, Map.of("message", "Arguments are not correct"));
            return;
        }
        List<String> problems = SupersetImportRules.violations(file.content());
        if (!problems.isEmpty()) {
            reply(exchange, 422, commandError("Error importing dashboard", Map.of("bundle", String.join("; ", problems))));
            return;
        }
        Map<String, JsonNode> files = SupersetImportRules.read(file.content());
        for (Map.Entry<String, JsonNode> f : files.entrySet()) {
            if (!f.getKey().startsWith("dashboards/")) continue;
            String uuid = f.getValue().path("uuid").asText();
            if (dashboards.containsKey(uuid) && !"true".equals(overwrite)) {
                reply(exchange, 422, commandError("Error importing dashboard", Map.of(f.getKey(),
                        "Dashboard already exists and `overwrite=true` was not passed")));
                return;
            }
            Map<String, Object> state = new LinkedHashMap<>();
            Object previousId = dashboards.containsKey(uuid) ? dashboards.get(uuid).get("id") : null;
            state.put("id", previousId != null ? previousId : nextId++);
            state.put("dashboard_title", f.getValue().path("dashboard_title").asText());
            state.put("slug", f.getValue().path("slug").asText());
            List<String> charts = new ArrayList<>();
            List<String> datasets = new ArrayList<>();
            files.forEach((name, yaml) -> {
                if (name.startsWith("charts/")) charts.add(yaml.path("slice_name").asText());
                if (name.startsWith("datasets/")) datasets.add(yaml.path("table_name").asText());
            });
            state.put("charts", charts);
            state.put("datasets", datasets);
            dashboards.put(uuid, state);
        }
        reply(exchange, 200, Map.of("message", "OK"));
    }

    private void readBack(HttpExchange exchange, String rest) throws IOException {
        String[] parts = rest.split("/");
        Map<String, Object> dashboard = dashboards.values().stream()
                .filter(d -> d.get("slug").equals(parts[0]) || String.valueOf(d.get("id")).equals(parts[0]))
                .findFirst().orElse(null);
        if (dashboard == null) {
            reply(exchange, 404, Map.of("message", "Not found"));
            return;
        }
        if (parts.length == 1) {
            reply(exchange, 200, Map.of("id", dashboard.get("id"), "result", Map.of("id", dashboard.get("id"),
                    "dashboard_title", dashboard.get("dashboard_title"), "slug", dashboard.get("slug"),
                    "url", "/superset/dashboard/" + dashboard.get("slug") + "/")));
        } else if (parts[1].equals("charts")) {
            @SuppressWarnings("unchecked")
            List<String> charts = (List<String>) dashboard.get("charts");
            reply(exchange, 200, Map.of("result", charts.stream().map(c -> Map.of("slice_name", c)).toList()));
        } else {
            @SuppressWarnings("unchecked")
            List<String> datasets = (List<String>) dashboard.get("datasets");
            reply(exchange, 200, Map.of("result", datasets.stream().map(t -> Map.of("table_name", t)).toList()));
        }
    }

    /** Superset's CommandInvalidError body, as the import endpoint returns it with 422. */
    private static Map<String, Object> commandError(String message, Map<String, String> perFile) {
        Map<String, Object> extra = new LinkedHashMap<>(perFile);
        extra.put("issue_codes", List.of(Map.of("code", 1010,
                "message", "Issue 1010 - Superset encountered an error while running a command.")));
        return Map.of("errors", List.of(Map.of("message", message, "error_type", "GENERIC_COMMAND_ERROR",
                "level", "warning", "extra", extra)));
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Just enough multipart/form-data parsing to check what the client sent. */
    static final class Multipart {
        record Part(String name, String fileName, byte[] content) {
            String text() {
                return new String(content, StandardCharsets.UTF_8);
            }
        }

        static Map<String, Part> parse(String contentType, byte[] body) {
            String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
            byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            Map<String, Part> parts = new LinkedHashMap<>();
            int start = indexOf(body, delimiter, 0);
            while (start >= 0) {
                int headerStart = start + delimiter.length;
                if (body[headerStart] == '-' && body[headerStart + 1] == '-') break;
                headerStart += 2; // CRLF
                int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerStart);
                String headers = new String(body, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
                int next = indexOf(body, delimiter, headerEnd);
                byte[] content = java.util.Arrays.copyOfRange(body, headerEnd + 4, next - 2);
                String name = attribute(headers, "name");
                parts.put(name, new Part(name, attribute(headers, "filename"), content));
                start = next;
            }
            return parts;
        }

        private static String attribute(String headers, String key) {
            int at = headers.indexOf(" " + key + "=\"");
            if (at < 0) at = headers.indexOf(";" + key + "=\"");
            if (at < 0) return null;
            int from = at + key.length() + 3;
            return headers.substring(from, headers.indexOf('"', from));
        }

        private static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = from; i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
                return i;
            }
            return -1;
        }
    }
}
