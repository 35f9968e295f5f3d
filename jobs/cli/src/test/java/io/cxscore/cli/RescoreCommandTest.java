package io.cxscore.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxscore.llm.loopback.LoopbackLlmServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LLM re-scoring of a demo warehouse end to end: tiering, rows beside the offline ones, marts, cache. */
class RescoreCommandTest {
    private static Map<String, Long> count(Path warehouse, String sql) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery(sql.replace("SCORES", "read_parquet('" + warehouse.resolve("scores") + "/*/*.parquet', hive_partitioning = true)"));
            while (r.next()) out.put(r.getString(1), r.getLong(2));
        }
        return out;
    }

    @Test
    void should_add_llm_rows_beside_offline_rows_for_the_sample_and_make_no_call_when_rerun(@TempDir Path dir) throws Exception {
        // given: a demo warehouse scored offline, and a provider file pointing at a loopback server
        Path out = dir.resolve("out");
        assertThat(DemoCommandTest.demo(out)).isZero();
        Path warehouse = out.resolve("warehouse");
        Map<String, Long> before = count(warehouse, "select judge, count(*) from SCORES group by judge");
        try (LoopbackLlmServer server = LoopbackLlmServer.start()) {
            Path config = Files.writeString(dir.resolve("llm.yaml"), "provider: openai\nbase_url: " + server.openAiBaseUrl()
                    + "\nmodel: loopback\nconcurrency: 4\n");

            // when
            int first = Cx.commandLine().execute("rescore", "--warehouse", warehouse.toString(), "--llm-config", config.toString(),
                    "--llm-for", "sample:25%");
            int calls = server.received().size();
            int second = Cx.commandLine().execute("rescore", "--warehouse", warehouse.toString(), "--llm-config", config.toString(),
                    "--llm-for", "sample:25%");
            int warehouseBuild = Cx.commandLine().execute("warehouse", "--warehouse", warehouse.toString(),
                    "--project", DemoCommandTest.REPO.resolve("warehouse").toString(), "--db", out.resolve("cx.duckdb").toString());

            // then
            Map<String, Long> after = count(warehouse, "select judge, count(*) from SCORES group by judge");
            assertThat(first).isZero();
            assertThat(second).isZero();
            assertThat(after.get("offline")).isEqualTo(before.get("offline"));
            assertThat(after.get("llm")).isEqualTo((long) calls).isBetween(before.get("offline") / 8, before.get("offline") / 2);
            assertThat(server.received()).hasSize(calls);
            assertThat(warehouseBuild).isZero();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("cx.duckdb")); Statement s = c.createStatement()) {
                ResultSet r = s.executeQuery("select count(*) filter (where judge = 'llm'), count(*) from fct_conversation_scores");
                r.next();
                assertThat(r.getLong(1)).isEqualTo(calls);
            }
        }
    }

    @Test
    void should_choose_the_same_sample_whatever_else_is_in_the_run_and_refuse_a_bad_tier() {
        // given
        RescoreCommand.Tier tier = RescoreCommand.Tier.parse("sample:10%");

        // when
        long taken = java.util.stream.IntStream.range(0, 10_000).filter(i -> tier.takes("c-" + i, 0.9, true, 0.6)).count();

        // then
        assertThat(taken).isBetween(850L, 1150L);
        assertThat(tier.takes("c-42", 0.9, true, 0.6)).isEqualTo(tier.takes("c-42", 0.1, false, 0.6));
        RescoreCommand.Tier uncertain = RescoreCommand.Tier.parse("uncertain");
        assertThat(uncertain.takes("a", 0.59, true, 0.6)).isTrue();
        assertThat(uncertain.takes("a", 0.61, true, 0.6)).isFalse();
        assertThat(uncertain.takes("a", null, false, 0.6)).isTrue();
        assertThatThrownBy(() -> RescoreCommand.Tier.parse("sample:150%")).hasMessageContaining("--llm-for");
    }
}
