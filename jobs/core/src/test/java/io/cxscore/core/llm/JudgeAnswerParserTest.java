package io.cxscore.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.score.Resolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JudgeAnswerParserTest {
    static final String GOOD = """
            {"resolution":{"label":"resolved","value":1.5,"confidence":0.9,"evidence":[2,1]},
             "sentiment":{"start":-0.4,"end":0.6,"shift":2,"confidence":0.8,"evidence":[0,2]},
             "effort":{"score":2,"confidence":0.7,"evidence":[]},
             "gaps":[{"category":"tone","subcategory":"robotic","confidence":0.6,"evidence":[1],"ai_fault":null}],
             "rationale":"The agent fixed it and [NAME_1] thanked them."}""";
    private final JudgeAnswerParser parser = new JudgeAnswerParser(RubricBundle.defaults().rubric(), GapVocabulary.defaults());

    @Test
    void should_read_every_field_when_the_answer_follows_the_schema() throws Exception {
        // when
        JudgeAnswer a = parser.parse(GOOD, 3);

        // then
        assertThat(a.resolution()).isEqualTo(Resolution.RESOLVED);
        assertThat(a.resolutionEvidence()).containsExactly(1, 2);
        assertThat(a.shift()).isEqualTo(2);
        assertThat(a.effort()).isEqualTo(2);
        assertThat(a.gaps()).singleElement().satisfies(g -> assertThat(g.subcategory()).isEqualTo("robotic"));
        assertThat(a.rationale()).contains("[NAME_1]");
    }

    @Test
    void should_accept_the_object_when_wrapped_in_one_code_fence() throws Exception {
        // when
        JudgeAnswer a = parser.parse("```json\n" + GOOD + "\n```", 3);

        // then
        assertThat(a.effort()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "extra top-level field      | \"rationale\":                  | \"note\":\"x\",\"rationale\":   | unexpected field(s) [note]",
            "extra nested field         | \"effort\":{                    | \"effort\":{\"why\":1,          | effort: unexpected field(s) [why]",
            "value out of range         | \"value\":1.5                   | \"value\":2.5                   | resolution.value: 2.5 is outside -2..2",
            "shift out of range         | \"shift\":2                     | \"shift\":3                     | sentiment.shift: 3 is outside -2..2",
            "effort zero                | \"score\":2                     | \"score\":0                     | effort.score: 0 is outside 1..5",
            "effort not integral        | \"score\":2                     | \"score\":2.5                   | effort.score: not an integer",
            "confidence above one       | \"confidence\":0.9              | \"confidence\":1.2              | resolution.confidence: 1.2 is outside 0..1",
            "turn that does not exist   | \"evidence\":[2,1]              | \"evidence\":[2,3]              | resolution.evidence[1]: turn 3 does not exist",
            "negative turn              | \"evidence\":[0,2]              | \"evidence\":[-1]               | sentiment.evidence[0]: turn -1 does not exist",
            "unknown category           | \"category\":\"tone\"           | \"category\":\"mood\"           | gaps[0].category: 'mood' is not in the gap taxonomy",
            "unknown subcategory        | \"subcategory\":\"robotic\"     | \"subcategory\":\"rude\"        | gaps[0].subcategory: 'rude' is not a subcategory of tone",
            "unknown ai fault           | \"ai_fault\":null               | \"ai_fault\":\"bad_luck\"       | gaps[0].ai_fault",
            "label contradicting value  | \"label\":\"resolved\"          | \"label\":\"unresolved\"        | resolution.label: 'unresolved' contradicts value 1.5",
            "unknown label              | \"label\":\"resolved\"          | \"label\":\"fixed\"             | resolution.label: 'fixed' is not one of",
            "number as string           | \"value\":1.5                   | \"value\":\"1.5\"               | resolution.value: not a number",
            "missing field              | \"confidence\":0.7,             | ''                              | effort.confidence: missing",
    })
    void should_reject_with_the_field_and_reason_when_the_answer_leaves_the_schema(String name, String from, String to, String reason) {
        // given
        String answer = GOOD.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        assertThat(answer).as("fixture edit applied").isNotEqualTo(GOOD);

        // when / then
        assertThatThrownBy(() -> parser.parse(answer, 3)).isInstanceOf(InvalidAnswerException.class).hasMessageContaining(reason);
    }

    @Test
    void should_reject_truncated_json() {
        // given
        String truncated = GOOD.substring(0, GOOD.length() / 2);

        // when / then
        assertThatThrownBy(() -> parser.parse(truncated, 3)).isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("not one complete JSON object");
    }

    @Test
    void should_reject_text_around_the_object_and_a_second_object() {
        assertThatThrownBy(() -> parser.parse("Here you go: " + GOOD, 3)).isInstanceOf(InvalidAnswerException.class);
        assertThatThrownBy(() -> parser.parse(GOOD + " {}", 3)).isInstanceOf(InvalidAnswerException.class)
                .hasMessageContaining("not one complete JSON object");
    }

    @Test
    void should_accept_escalated_whatever_the_value_because_the_rubric_defines_it_by_the_handoff() throws Exception {
        // when
        JudgeAnswer a = parser.parse(GOOD.replace("\"label\":\"resolved\",\"value\":1.5", "\"label\":\"escalated\",\"value\":-1"), 3);

        // then
        assertThat(a.resolution()).isEqualTo(Resolution.ESCALATED);
    }
}
