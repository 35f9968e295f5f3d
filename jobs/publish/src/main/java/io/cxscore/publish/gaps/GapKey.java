package io.cxscore.publish.gaps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What makes failure instances one gap: category, subcategory, topic and subject, the last two
 * normalised so spelling variants meet. The id is {@code gap-} and the first 16 hex digits of SHA-256
 * over the four parts joined by U+001F, so it depends on the key alone: the same on every run and
 * machine. {@code warehouse/models/marts/int_gap_instances.sql} computes the same id in SQL; a test
 * keeps the two in step.
 */
public record GapKey(String category, String subcategory, String topic, String subject) {
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    public GapKey {
        if (category == null || category.isBlank() || subcategory == null || subcategory.isBlank()) {
            throw new IllegalArgumentException("a gap key needs a category and a subcategory, got "
                    + category + "/" + subcategory);
        }
        topic = normalise(topic);
        subject = normalise(subject);
    }

    /** Lower case, every run of characters other than letters and digits one space, trimmed; null is empty. */
    public static String normalise(String text) {
        if (text == null) return "";
        return NOT_LETTER_OR_DIGIT.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    public String id() {
        String joined = String.join("\u001f", category, subcategory, topic, subject);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return "gap-" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GapKey k && category.equals(k.category) && subcategory.equals(k.subcategory)
                && topic.equals(k.topic) && subject.equals(k.subject);
    }

    @Override
    public int hashCode() {
        return Objects.hash(category, subcategory, topic, subject);
    }
}
