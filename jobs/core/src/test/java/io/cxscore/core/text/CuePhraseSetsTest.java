package io.cxscore.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CuePhraseSetsTest {
    private static List<String> words(String text) {
        return Arrays.asList(text.toLowerCase().split("\\s+"));
    }

    @Test
    void should_count_per_set_the_positions_where_one_of_its_phrases_starts() {
        // given: "thank you" and "thanks" both gratitude; "not working" a problem; "thank" alone is no cue
        CuePhraseSets sets = new CuePhraseSets(List.of(
                List.of("thank you", "thank you so much", "thanks"),
                List.of("not working", "still not working"),
                List.of("nothing here")), CuePhraseSetsTest::words);

        // when
        int[] n = sets.count(words("thank you so much but it is still not working thanks thank"));

        // then: "thank you" and "thank you so much" start at one position, counted once; the phrases of one set
        // starting at different positions ("still not working", "not working") each count
        assertThat(n).containsExactly(2, 2, 0);
    }

    @Test
    void should_not_match_a_phrase_cut_off_by_the_end_of_the_text() {
        CuePhraseSets sets = new CuePhraseSets(List.of(List.of("not working")), CuePhraseSetsTest::words);
        assertThat(sets.count(words("it is not"))).containsExactly(0);
    }
}
