package io.cxscore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cxscore.publish.BuildResult;
import io.cxscore.publish.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command's wiring: options, environment-only credentials, messages. The REST exchange itself is tested in jobs/publish. */
class PublishSupersetCommandTest {
    @TempDir
    Path tmp;

    private Path database;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void emptyWarehouse() throws Exception {
        // no Parquet yet: every model builds as an empty table, which is all a bundle needs
        Files.createDirectories(tmp.resolve("data"));
        BuildResult built = Warehouse.load(DemoCommandTest.REPO.resolve("warehouse"))
                .build(tmp.resolve("data"), tmp.resolve("cx.duckdb"));
        assertThat(built.succeeded()).as(built.report()).isTrue();
        database = built.database();
    }

    private int run(Map<String, String> environment, String... args) {
        CommandLine cx = Cx.commandLine();
        cx.setOut(new PrintWriter(out, true));
        cx.setErr(new PrintWriter(err, true));
        CommandLine superset = cx.getSubcommands().get("publish").getSubcommands().get("superset");
        ((PublishSupersetCommand) superset.getCommand()).environment = environment;
        return cx.execute(args);
    }

    @Test
    void should_write_a_bundle_under_one_folder_when_asked_for_the_bundle_only() throws Exception {
        // given
        Path zip = tmp.resolve("bundle/cx.zip");

        // when
        int exit = run(Map.of(), "publish", "superset", "--db", database.toString(), "--bundle", zip.toString(),
                "--database-path", "/data/cx.duckdb", "--bundle-only");

        // then
        assertThat(exit).as(err.toString()).isZero();
        List<String> entries = new ArrayList<>();
        String databaseYaml = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.add(e.getName());
                if (e.getName().startsWith("cx_superset_bundle/databases/")) {
                    databaseYaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(entries).allMatch(name -> name.startsWith("cx_superset_bundle/"))
                .contains("cx_superset_bundle/metadata.yaml", "cx_superset_bundle/databases/cx-warehouse.yaml");
        assertThat(databaseYaml).contains("duckdb:////data/cx.duckdb");
        assertThat(out.toString()).contains("wrote " + zip, "duckdb:////data/cx.duckdb (read-only)");
    }

    @Test
    void should_ask_for_environment_credentials_when_they_are_missing() {
        // when
        int exit = run(Map.of("SUPERSET_URL", "http://127.0.0.1:9"), "publish", "superset", "--db", database.toString(),
                "--bundle", tmp.resolve("b.zip").toString());

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("set SUPERSET_USERNAME and SUPERSET_PASSWORD in the environment");
    }

    @Test
    void should_report_the_refusal_without_the_password_when_superset_rejects_the_login() throws Exception {
        // given: a loopback server answering login as Superset does for bad credentials
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/security/login", exchange -> {
            byte[] body = "{\"message\": \"Not authorized\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();

            // when
            int exit = run(Map.of("SUPERSET_URL", url, "SUPERSET_USERNAME", "admin", "SUPERSET_PASSWORD", "hunter2-xyz"),
                    "publish", "superset", "--db", database.toString(), "--bundle", tmp.resolve("b.zip").toString());

            // then
            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).contains("Superset refused to log in as admin (HTTP 401): Not authorized");
            assertThat(out.toString() + err.toString()).doesNotContain("hunter2-xyz");
        } finally {
            server.stop(0);
        }
    }
}
