package io.cxscore.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRedactionTest {
    @Test
    void should_mask_emails_urls_phone_numbers_and_digits_when_redacting() {
        // given
        String raw = "Mail dana.k+billing@example.co.uk or call +44 20 7946 0958, see https://acme.test/t/8812?x=1."
                + " Card 4111 1111 1111 1111, order 5521, total 19.00.";

        // when
        String redacted = TextRedaction.MASK_CONTACTS_AND_DIGITS.apply(raw);

        // then
        assertThat(redacted).isEqualTo("Mail [email] or call [number], see [url]"
                + " Card [number], order ####, total ##.##.");
        assertThat(redacted).doesNotContainPattern("\\d");
    }

    @Test
    void should_leave_text_without_contacts_or_digits_unchanged_when_redacting() {
        // when / then
        assertThat(TextRedaction.MASK_CONTACTS_AND_DIGITS.apply("I was charged twice.")).isEqualTo("I was charged twice.");
        assertThat(TextRedaction.MASK_CONTACTS_AND_DIGITS.apply(null)).isNull();
    }
}
