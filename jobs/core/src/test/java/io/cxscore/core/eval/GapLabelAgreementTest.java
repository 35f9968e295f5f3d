package io.cxscore.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxscore.core.gaps.GapClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapLabelAgreementTest {
    static final GapClassifier CLASSIFIER = GapClassifier.defaults();

    static String line(String id, String... categoryAndSub) {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < categoryAndSub.length; i += 2) {
            if (labels.length() > 0) labels.append(',');
            labels.append("{\"category\":\"").append(categoryAndSub[i]).append("\",\"subcategory\":\"").append(categoryAndSub[i + 1])
                    .append("\",\"evidence\":[0]}");
        }
        return "{\"dataset\":\"twcs-frustration\",\"file\":\"twcs-frustration/dprocessed.txt\",\"conversation_id\":\"" + id
                + "\",\"split_key\":\"" + id + "\",\"labels\":[" + labels + "],\"note\":\"n\"}";
    }

    static GapLabelledSet set(Path dir, String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        return GapLabelledSet.load(f, CLASSIFIER.taxonomy());
    }

    @Test
    void should_count_each_category_on_the_shared_conversations_and_compute_kappa_by_hand(@TempDir Path dir) throws IOException {
        // given: first labeller on five conversations, second on four of them; subcategories differ on b (bug vs missing_capability)
        GapLabelledSet first = set(dir, "a.jsonl",
                line("a", "product", "bug"), line("b", "product", "bug"), line("c", "product", "bug"), line("d"), line("e", "tone", "robotic"));
        GapLabelledSet second = set(dir, "b.jsonl",
                line("a", "product", "bug"), line("b", "product", "missing_capability"), line("c"), line("d", "product", "bug"));
        // when
        GapLabelAgreement.Report r = GapLabelAgreement.compare(first, second, List.of("product", "tone"));
        // then: product both a, b; first only c; second only d; e is not shared
        assertThat(r.shared()).isEqualTo(4);
        assertThat(r.onlyInFirst()).isEqualTo(1);
        GapLabelAgreement.Row product = r.rows().get(0);
        assertThat(List.of(product.both(), product.firstOnly(), product.secondOnly(), product.neither())).containsExactly(2, 1, 1, 0);
        // observed 2/4; each says yes 3/4 → chance 9/16 + 1/16 = 10/16; kappa (0.5 - 0.625) / 0.375 = -1/3
        assertThat(product.agreement()).isCloseTo(0.5, within(1e-12));
        assertThat(product.kappa()).isCloseTo(-1 / 3.0, within(1e-12));
        // tone: nobody says yes on the shared four: agreement 1, kappa undefined
        assertThat(r.rows().get(1).agreement()).isEqualTo(1.0);
        assertThat(r.rows().get(1).kappa()).isNaN();
        assertThat(r.differing()).containsExactly("c", "d");
        assertThat(r.toText("a.jsonl", "b.jsonl")).contains("4 conversations labelled in both", "-0.333");
    }
}
