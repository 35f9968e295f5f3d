package io.cxscore.publish;

import static io.cxscore.publish.WarehouseTestSupport.projectDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupersetClientTest {
    private static final SupersetClient.Credentials ADMIN =
            new SupersetClient.Credentials(LoopbackSuperset.USER, LoopbackSuperset.PASSWORD, "db");

    @TempDir
    Path tmp;

    private LoopbackSuperset superset;
    private SupersetBundle bundle;

    @BeforeEach
    void start() throws Exception {
        Path data = tmp.resolve("data");
        ScoredConversationsFixture.standard().writeTo(data);
        BuildResult built = Warehouse.load(projectDir()).build(data, tmp.resolve("cx.duckdb"));
        assertThat(built.succeeded()).as(built.report()).isTrue();
        bundle = SupersetBundle.describe(built.database(), built.database().toString(), "cx-warehouse",
                Instant.parse("2026-11-23T10:00:00Z"));
        superset = new LoopbackSuperset();
    }

    @AfterEach
    void stop() {
        superset.close();
    }

    @Test
    void should_log_in_fetch_csrf_import_and_report_the_dashboard_when_superset_accepts() {
        // given
        SupersetClient client = new SupersetClient(superset.url());

        // when
        SupersetClient.ImportReport report = client.importDashboard(bundle, ADMIN, true, Map.of());

        // then
        assertThat(superset.requests).startsWith("POST /api/v1/security/login", "GET /api/v1/security/csrf_token/",
                "POST /api/v1/dashboard/import/");
        assertThat(superset.loginBodies).singleElement().satisfies(login -> {
            assertThat(login.path("username").asText()).isEqualTo(LoopbackSuperset.USER);
            assertThat(login.path("provider").asText()).isEqualTo("db");
        });
        LoopbackSuperset.ImportCall call = superset.imports.get(0);
        assertThat(call.authorization()).isEqualTo("Bearer jwt-access-1");
        assertThat(call.csrfToken()).isEqualTo("csrf-42");
        assertThat(call.cookie()).contains("session=session-7");
        assertThat(call.fileName()).endsWith(".zip");
        assertThat(call.zip()).isEqualTo(bundle.zip());
        assertThat(call.overwrite()).isEqualTo("true");
        assertThat(call.passwords()).isEqualTo("{}");
        assertThat(report.dashboardId()).isEqualTo(1);
        assertThat(report.dashboardTitle()).isEqualTo(bundle.dashboardTitle());
        assertThat(report.dashboardUrl()).isEqualTo(superset.url() + "/superset/dashboard/" + bundle.dashboardSlug() + "/");
        assertThat(report.charts()).containsExactlyElementsOf(bundle.chartTitles());
        assertThat(report.datasets()).contains("mart_cx_weekly", "mart_drivers_weekly", "mart_runs");
    }

    @Test
    void should_replace_the_same_dashboard_when_imported_again_with_overwrite() {
        // given
        SupersetClient client = new SupersetClient(superset.url());
        SupersetClient.ImportReport first = client.importDashboard(bundle, ADMIN, true, Map.of());

        // when
        SupersetClient.ImportReport second = client.importDashboard(bundle, ADMIN, true, Map.of());

        // then
        assertThat(superset.dashboardCount()).isEqualTo(1);
        assertThat(second.dashboardId()).isEqualTo(first.dashboardId());
        assertThat(superset.imports).hasSize(2).allSatisfy(call -> assertThat(call.overwrite()).isEqualTo("true"));
    }

    @Test
    void should_surface_supersets_error_message_when_the_import_is_refused() {
        // given: the dashboard exists, and this import does not ask to overwrite it
        SupersetClient client = new SupersetClient(superset.url());
        client.importDashboard(bundle, ADMIN, true, Map.of());

        // when
        SupersetException refused = catchThrowableOfType(
                () -> client.importDashboard(bundle, ADMIN, false, Map.of()), SupersetException.class);

        // then
        assertThat(refused.httpStatus()).isEqualTo(422);
        assertThat(refused.getMessage())
                .startsWith("Superset refused to import the dashboard bundle (HTTP 422): Error importing dashboard"
                        + " [GENERIC_COMMAND_ERROR]")
                .contains("dashboards/" + bundle.dashboardSlug() + ".yaml: Dashboard already exists and `overwrite=true` was not passed")
                .doesNotContain("issue_codes");
    }

    @Test
    void should_name_the_failed_login_without_the_password_when_credentials_are_wrong() {
        // given
        SupersetClient client = new SupersetClient(superset.url());
        SupersetClient.Credentials wrong = new SupersetClient.Credentials("admin", "not-the-Pa55word", "db");

        // when
        SupersetException refused = catchThrowableOfType(
                () -> client.importDashboard(bundle, wrong, true, Map.of()), SupersetException.class);

        // then
        assertThat(refused.httpStatus()).isEqualTo(401);
        assertThat(refused.getMessage()).isEqualTo("Superset refused to log in as admin (HTTP 401): Not authorized");
        assertThat(refused.getMessage() + wrong).doesNotContain("not-the-Pa55word");
        assertThat(superset.imports).isEmpty();
    }

    @Test
    void should_say_superset_is_unreachable_when_nothing_listens() throws Exception {
        // given: a loopback port that was free a moment ago
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SupersetClient client = new SupersetClient(URI.create("http://127.0.0.1:" + port));

        // when / then
        assertThatThrownBy(() -> client.importDashboard(bundle, ADMIN, true, Map.of()))
                .isInstanceOf(SupersetException.class)
                .hasMessageStartingWith("cannot reach Superset at http://127.0.0.1:" + port + "/ to log in as admin")
                .hasMessageNotContaining(LoopbackSuperset.PASSWORD);
    }
}
