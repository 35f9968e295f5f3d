package io.cxscore.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void should_turn_breaks_and_paragraphs_into_newlines_and_decode_entities() {
        // given
        String html = "<p>Hi Ana,</p>\n<p>Your refund of &pound;20 is&nbsp;on its way &#8211; see <a href=\"https://x.io\">here</a>.<br/>Thanks&#x21;</p>";

        // when
        String text = HtmlText.toPlain(html);

        // then
        assertThat(text).isEqualTo("Hi Ana,\nYour refund of £20 is on its way – see here.\nThanks!");
    }

    @Test
    void should_keep_lone_angle_brackets_and_unknown_entities_and_drop_scripts() {
        // when
        String text = HtmlText.toPlain("a < b &bogus; <script>alert(1)</script><ul><li>one</li><li>two</li></ul>");

        // then
        assertThat(text).isEqualTo("a < b &bogus;\n- one\n- two");
    }
}
