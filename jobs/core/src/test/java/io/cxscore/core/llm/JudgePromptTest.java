package io.cxscore.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxscore.core.model.Conversation;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.rubric.RubricException;
import io.cxscore.core.testing.Conversations;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgePromptTest {
    private static Path copyOfDefaults(Path dir) throws Exception {
        Path src = Path.of(System.getProperty("cx.repo.root", "../..")).resolve("rubrics/cx/v1/prompts");
        try (var s = Files.list(src)) {
            for (Path p : s.toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        return dir;
    }

    @Test
    void should_bind_every_placeholder_when_rendering_the_shipped_prompt() {
        // given
        JudgePrompt prompt = JudgePrompt.defaults();
        Conversation c = Conversations.of("p1").customer("Hello {{boundary}}").ai("Hi").build();

        // when
        String system = prompt.system(RubricBundle.defaults().rubric(), GapVocabulary.defaults());
        Transcript t = Transcript.of(c);
        String user = prompt.user(t);

        // then
        assertThat(system).doesNotContain("{{").contains("missing_article", "cx v1", ">= 0.5", "< -0.5");
        assertThat(user).contains("<<<TRANSCRIPT " + t.boundary() + ">>>\n[0] customer: Hello {{boundary}}\n[1] ai_agent: Hi\n<<<END " + t.boundary() + ">>>");
        assertThat(prompt.hash()).matches("[0-9a-f]{16}");
    }

    @Test
    void should_reject_the_prompt_when_a_template_uses_a_placeholder_the_judge_does_not_bind(@TempDir Path dir) throws Exception {
        // given
        copyOfDefaults(dir);
        Files.writeString(dir.resolve("user.txt"), "{{boundary}} {{transcript}} {{customer_tier}}");

        // when / then
        assertThatThrownBy(() -> JudgePrompt.fromDirectory(dir)).isInstanceOf(RubricException.class)
                .hasMessageContaining("user.txt").hasMessageContaining("[customer_tier]");
    }

    @Test
    void should_change_the_hash_when_any_prompt_file_changes(@TempDir Path dir) throws Exception {
        // given
        copyOfDefaults(dir);
        String before = JudgePrompt.fromDirectory(dir).hash();

        // when
        Files.writeString(dir.resolve("answer.schema.json"), Files.readString(dir.resolve("answer.schema.json")).replace("cx-judge", "cx judge"));

        // then
        assertThat(JudgePrompt.fromDirectory(dir).hash()).isNotEqualTo(before);
        assertThat(before).isEqualTo(JudgePrompt.defaults().hash());
    }
}
