package io.cxscore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxscore.core.eval.HoldoutSplit;
import io.cxscore.llm.loopback.LoopbackLlmServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LABELLED = Path.of("../../rubrics/gaps/v1/labelled/gaps-labelled-v2.jsonl");

    /** The labelled set's demo conversations (regenerated from their seed: no shared dataset needed), one label changed. */
    private static Path demoSet(Path dir, String changedId) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(LABELLED)) {
            JsonNode n = JSON.readTree(line);
            if (!n.get("file").asText().startsWith("demo:")) continue;
            if (n.get("conversation_id").asText().equals(changedId)) {
                line = line.replaceFirst("\"labels\": \\[[^]]*]", "\"labels\": [{\"category\": \"tool\", \"subcategory\": \"action_failed\", \"evidence\": [0]}]");
            }
            lines.add(line);
        }
        Path set = dir.resolve("labelled/demo.jsonl");
        Files.createDirectories(set.getParent());
        Files.write(set, lines);
        return set;
    }

    private static String firstDemoTrainId() throws Exception {
        for (String line : Files.readAllLines(LABELLED)) {
            JsonNode n = JSON.readTree(line);
            if (n.get("file").asText().startsWith("demo:") && !HoldoutSplit.isTest(n.get("split_key").asText())) {
                return n.get("conversation_id").asText();
            }
        }
        throw new AssertionError("no demo train conversation in the labelled set");
    }

    @Test
    void should_write_train_disagreements_with_their_rules_and_refuse_them_for_the_test_split(@TempDir Path dir) throws Exception {
        // given: a demo train conversation labelled with a failed tool action it does not show
        String changed = firstDemoTrainId();
        Path set = demoSet(dir, changed);
        Path out = dir.resolve("disagreements.jsonl");
        // when the test split is asked for
        StringWriter err = new StringWriter();
        var cmd = Cx.commandLine();
        cmd.setErr(new PrintWriter(err));
        int refused = cmd.execute("eval", set.toString(), "--disagreements", out.toString());
        // then it is refused in one line, and nothing is written
        assertThat(refused).isEqualTo(2);
        assertThat(err.toString()).contains("train-split conversations only").doesNotContain("at io.cxscore");
        assertThat(out).doesNotExist();

        // when the train split is asked for
        int code = Cx.commandLine().execute("eval", set.toString(), "--split", "train", "--disagreements", out.toString());
        // then every listed conversation is a train one that disagrees, the changed one among them
        assertThat(code).isZero();
        List<JsonNode> cases = new ArrayList<>();
        for (String line : Files.readAllLines(out)) cases.add(JSON.readTree(line));
        assertThat(cases).isNotEmpty().allSatisfy(c -> {
            assertThat(HoldoutSplit.isTest(c.get("conversation_id").asText())).isFalse();
            assertThat(c.get("false_positives").size() + c.get("missed").size()).isPositive();
        });
        JsonNode mislabelled = cases.stream().filter(c -> c.get("conversation_id").asText().equals(changed)).findFirst().orElseThrow();
        assertThat(mislabelled.get("missed").toString()).contains("tool");
        for (JsonNode f : mislabelled.get("findings")) assertThat(f.get("rules")).isNotEmpty();
    }

    @Test
    void should_measure_the_llm_judges_gap_findings_against_the_labels_with_one_call_per_conversation(@TempDir Path dir) throws Exception {
        // given: the demo part of the labelled set, and a loopback model that reports a failed tool action in every conversation
        Path set = demoSet(dir, "none");
        long labelledTool = Files.readAllLines(set).stream().filter(l -> l.contains("\"category\": \"tool\"")).count();
        long conversations = Files.readAllLines(set).size();
        String toolGap = "\"gaps\":[{\"category\":\"tool\",\"subcategory\":\"action_failed\",\"confidence\":0.9,\"evidence\":[0],\"ai_fault\":null}]";
        try (LoopbackLlmServer server = LoopbackLlmServer.start()) {
            server.script(r -> new LoopbackLlmServer.Answer(
                    LoopbackLlmServer.plausibleAnswer(r.user()).replaceFirst("\"gaps\":\\[.*?\\],\"rationale\"", toolGap + ",\"rationale\"")));
            Path config = Files.writeString(dir.resolve("llm.yaml"), "provider: openai\nbase_url: " + server.openAiBaseUrl()
                    + "\nmodel: loopback-gaps\nconcurrency: 4\n");
            // eval prints its figures to standard output
            java.io.PrintStream stdout = System.out;
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            int code;
            try {
                // when
                code = Cx.commandLine().execute("eval", set.toString(), "--split", "all", "--judge", "llm", "--llm-config", config.toString());
            } finally {
                System.setOut(stdout);
            }
            // then: one call per conversation, and the tool row counts every labelled tool conversation found, every other one wrong
            String text = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(code).isZero();
            assertThat(server.received()).hasSize((int) conversations);
            assertThat(text).contains("LLM judge openai:loopback-gaps").doesNotContain("rule confidences");
            assertThat(text).containsPattern("tool\\s+" + labelledTool + "\\s+" + labelledTool + "\\s+" + (conversations - labelledTool) + "\\s+0\\s");
        }
    }
}
