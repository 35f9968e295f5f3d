package io.cxscore.publish.gaps;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How feeds and exports treat conversation text.
 *
 * @param redactor applied to every piece of conversation text before it is written; when empty, no
 *                 conversation text is written at all, only conversation ids (the safe default)
 * @param linkBase what entry links point at, followed by {@code #<gap id>}; relative to the feed file
 * @param maxEntries the newest updates kept in each Atom feed
 */
public record FeedOptions(Optional<UnaryOperator<String>> redactor, String linkBase, int maxEntries) {
    public static final FeedOptions DEFAULT = new FeedOptions(Optional.empty(), "../../dashboard.html", 200);

    public FeedOptions {
        if (maxEntries < 1) throw new IllegalArgumentException("a feed keeps at least one entry, got " + maxEntries);
        if (linkBase == null || linkBase.isBlank()) throw new IllegalArgumentException("feed entries need a link base");
    }

    public FeedOptions withRedactor(UnaryOperator<String> redactor) {
        return new FeedOptions(Optional.of(redactor), linkBase, maxEntries);
    }

    public boolean includesText() {
        return redactor.isPresent();
    }

    public String redact(String text) {
        return redactor.orElseThrow(() -> new IllegalStateException("no redactor: conversation text must not be written"))
                .apply(text);
    }
}
