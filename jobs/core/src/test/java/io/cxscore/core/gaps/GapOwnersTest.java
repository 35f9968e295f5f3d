package io.cxscore.core.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxscore.core.rubric.RubricException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GapOwnersTest {
    static final GapTaxonomy TAXONOMY = GapsBundle.defaults().taxonomy();

    static GapOwners owners(String rules) {
        String yaml = """
                id: gap-owners
                version: "1"
                taxonomy_version: "1"
                default_owner: {team: cx-ops, contact: ops@x.example, channel: ops}
                owners:
                """ + rules;
        return GapOwners.parse(yaml.getBytes(StandardCharsets.UTF_8), "owners-test.yaml", TAXONOMY);
    }

    @Test
    void should_pick_the_most_specific_matching_rule() {
        // given
        GapOwners o = owners("""
                  - match: {category: product}
                    owner: {team: pm, contact: pm@x.example, channel: product}
                  - match: {category: product, brand: Loomwork}
                    owner: {team: loomwork-pm, contact: lw@x.example, channel: lw}
                  - match: {category: product, brand: Loomwork, topic: billing/refund}
                    owner: {team: loomwork-billing-pm, contact: lwb@x.example, channel: lwb}
                """);
        // then
        assertThat(o.resolve("product", "loomwork", "billing-l1", "billing/refund").team()).isEqualTo("loomwork-billing-pm");
        assertThat(o.resolve("product", "Loomwork", null, "technical/app").team()).isEqualTo("loomwork-pm");
        assertThat(o.resolve("product", "Harbor & Pine", null, null).team()).isEqualTo("pm");
        assertThat(o.resolve("product", null, null, null).isDefault()).isFalse();
    }

    @Test
    void should_give_an_unmapped_category_to_the_flagged_default_owner() {
        // given
        GapOwners o = owners("""
                  - match: {category: product}
                    owner: {team: pm, contact: pm@x.example, channel: product}
                """);
        // when
        GapOwner owner = o.resolve("tone", "Loomwork", "billing-l1", "billing/refund");
        // then
        assertThat(owner.team()).isEqualTo("cx-ops");
        assertThat(owner.isDefault()).isTrue();
    }

    @Test
    void should_map_every_taxonomy_category_to_a_named_owner_in_the_released_file() {
        // given
        GapOwners released = GapsBundle.defaults().owners();
        // then
        for (String category : TAXONOMY.categories()) {
            assertThat(released.resolve(category, null, null, null).isDefault()).as(category).isFalse();
        }
        assertThat(released.resolve("product", "Harbor & Pine", null, null).team()).isEqualTo("harbor-pine-merchandising");
    }

    @Test
    void should_reject_a_category_the_taxonomy_does_not_have() {
        assertThatThrownBy(() -> owners("""
                  - match: {category: marketing}
                    owner: {team: mk, contact: mk@x.example, channel: mk}
                """)).isInstanceOf(RubricException.class).hasMessageContaining("owners-test.yaml: owners.0.match.category")
                .hasMessageContaining("marketing");
    }

    @Test
    void should_reject_two_rules_that_match_the_same_fields() {
        assertThatThrownBy(() -> owners("""
                  - match: {category: tone}
                    owner: {team: a, contact: a@x.example, channel: a}
                  - match: {category: Tone}
                    owner: {team: b, contact: b@x.example, channel: b}
                """)).isInstanceOf(RubricException.class).hasMessageContaining("owners.1.match");
    }

    @Test
    void should_reject_a_rule_without_an_owner_contact() {
        assertThatThrownBy(() -> owners("""
                  - match: {category: tone}
                    owner: {team: a, channel: a}
                """)).isInstanceOf(RubricException.class).hasMessageContaining("owners.0.owner.contact: missing");
    }
}
