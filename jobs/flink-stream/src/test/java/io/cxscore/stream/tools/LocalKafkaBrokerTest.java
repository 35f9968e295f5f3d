package io.cxscore.stream.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalKafkaBrokerTest {
    @Test
    void should_make_cluster_ids_the_storage_tool_cannot_mistake_for_an_option() {
        // given: about one random id in 64 starts with '-', so 10,000 draws meet that case ~150 times
        for (int i = 0; i < 10_000; i++) {
            // when
            String id = LocalKafkaBroker.clusterId();
            // then
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
        }
    }
}
