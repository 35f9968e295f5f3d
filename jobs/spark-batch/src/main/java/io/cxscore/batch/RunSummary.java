package io.cxscore.batch;

import java.util.Locale;

/**
 * What one batch run did. {@code read = scored + quarantined} always holds; {@link #reconciles()} is
 * checked before the run commits, and a run that does not reconcile publishes nothing.
 *
 * @param notScored conversations the judge returned a non-scored status for (kept, with their reason)
 */
public record RunSummary(String runId, int files, long read, long scored, long notScored, long quarantined,
                         int partitionsWritten, long millis) {
    public boolean reconciles() {
        return read == scored + notScored + quarantined;
    }

    public String reconciliation() {
        return notScored == 0
                ? String.format(Locale.ROOT, "read %,d = scored %,d + quarantined %,d", read, scored, quarantined)
                : String.format(Locale.ROOT, "read %,d = scored %,d + not scored %,d + quarantined %,d", read, scored, notScored, quarantined);
    }
}
