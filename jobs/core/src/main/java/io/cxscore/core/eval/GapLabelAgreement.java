package io.cxscore.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far two labellers agree, category by category, on the conversations both labelled: the ceiling any
 * classifier measured against one of them can be expected to reach. Per category, a conversation is a yes when
 * its labels hold that category; agreement is the share of conversations where both say the same, and Cohen's
 * kappa discounts what two labellers with those yes-rates would agree on by chance.
 */
public final class GapLabelAgreement {

    /** One category's 2×2 table: both yes, only the first, only the second, both no. */
    public record Row(String category, int both, int firstOnly, int secondOnly, int neither) {
        public int n() {
            return both + firstOnly + secondOnly + neither;
        }

        public double agreement() {
            return n() == 0 ? Double.NaN : (both + neither) / (double) n();
        }

        /** Cohen's kappa; NaN when chance agreement is total (both labellers said the same thing everywhere). */
        public double kappa() {
            // the table as two label columns, in the order both, first only, second only, neither
            int[] first = new int[n()], second = new int[n()];
            Arrays.fill(first, 0, both + firstOnly, 1);
            Arrays.fill(second, 0, both, 1);
            Arrays.fill(second, both + firstOnly, both + firstOnly + secondOnly, 1);
            return Agreement.cohenKappa(first, second, 0, 1);
        }
    }

    public record Report(int shared, int onlyInFirst, List<Row> rows, List<String> differing) {
        public String toText(String first, String second) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "label agreement: %s vs %s, %d conversations labelled in both (%d only in the first)%n",
                    first, second, shared, onlyInFirst));
            b.append(String.format(Locale.ROOT, "  %-10s %5s %6s %6s %6s  %9s  %6s%n", "class", "both", "first", "second", "neither", "agreement", "kappa"));
            for (Row r : rows) {
                b.append(String.format(Locale.ROOT, "  %-10s %5d %6d %6d %6d  %9.3f  %6s%n", r.category(), r.both(), r.firstOnly(),
                        r.secondOnly(), r.neither(), r.agreement(), Double.isNaN(r.kappa()) ? "-" : String.format(Locale.ROOT, "%.3f", r.kappa())));
            }
            b.append(String.format(Locale.ROOT, "  conversations whose categories differ: %d of %d%n", differing.size(), shared));
            return b.toString();
        }
    }

    /** Compares the second set's labels with the first's on the conversations (file and id) both hold. */
    public static Report compare(GapLabelledSet first, GapLabelledSet second, List<String> categories) {
        Map<String, GapLabelledSet.Entry> byKey = new HashMap<>();
        for (GapLabelledSet.Entry e : second.entries()) byKey.put(key(e), e);
        int[][] table = new int[categories.size()][4];
        int shared = 0, onlyInFirst = 0;
        List<String> differing = new ArrayList<>();
        for (GapLabelledSet.Entry a : first.entries()) {
            GapLabelledSet.Entry b = byKey.get(key(a));
            if (b == null) {
                onlyInFirst++;
                continue;
            }
            shared++;
            if (!a.categories().equals(b.categories())) differing.add(a.conversationId());
            for (int i = 0; i < categories.size(); i++) {
                boolean x = a.categories().contains(categories.get(i)), y = b.categories().contains(categories.get(i));
                table[i][x && y ? 0 : x ? 1 : y ? 2 : 3]++;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            rows.add(new Row(categories.get(i), table[i][0], table[i][1], table[i][2], table[i][3]));
        }
        return new Report(shared, onlyInFirst, rows, differing);
    }

    private static String key(GapLabelledSet.Entry e) {
        return e.file() + "\u0000" + e.conversationId();
    }
}
