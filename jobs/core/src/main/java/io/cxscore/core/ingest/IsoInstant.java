package io.cxscore.core.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#parse} with a fast path for the form every record in this product writes,
 * {@code 2026-10-01T09:00:00Z} or {@code 2026-10-01T09:00:00.123Z}: the streaming job parses every message's
 * time two or three times, and {@code DateTimeFormatter} allocates maps and BigDecimals for each. Any other
 * text (offsets, lower case, leap seconds, other years) goes to {@link Instant#parse}, so results and errors
 * are exactly its own.
 */
public final class IsoInstant {
    private IsoInstant() {}

    /** @throws java.time.format.DateTimeParseException as {@link Instant#parse} does */
    public static Instant parse(String s) {
        Instant fast = fast(s);
        return fast != null ? fast : Instant.parse(s);
    }

    /** The instant, or null when the text is not exactly {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with valid fields. */
    static Instant fast(String s) {
        int n = s.length();
        if (n < 20 || n == 21 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') return null;
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.') return null;
            int fraction = n - 21; // 1..9 digits
            int f = digits(s, 20, fraction);
            if (f < 0) return null;
            nanos = f;
            for (int i = fraction; i < 9; i++) nanos *= 10;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // e.g. 31 April: Instant.parse gives the error
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
