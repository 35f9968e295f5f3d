package io.cxscore.core.eval;

import io.cxscore.core.model.Conversation;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The project-wide test split: a dialogue is held out when CRC32 of its split key mod 5 is 0. The key
 * is the dataset's own id, or for files without ids the dialogue's 0-based ordinal in its file as
 * decimal text (readers put that in metadata {@value #KEY}). Nothing is ever fitted or tuned on it.
 */
public final class HoldoutSplit {
    public static final String KEY = "split_key";

    private HoldoutSplit() {}

    public static boolean isTest(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 5 == 0;
    }

    public static String keyOf(Conversation c) {
        return c.metadata().getOrDefault(KEY, c.id());
    }

    public static boolean isTest(Conversation c) {
        return isTest(keyOf(c));
    }
}
