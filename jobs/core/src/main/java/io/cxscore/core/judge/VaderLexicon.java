package io.cxscore.core.judge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VADER polarity (Hutto and Gilbert, 2014) over the lexicon bundled in the VADER port on Maven
 * Central. The port itself pulls in Lucene and log4j 1 and re-tokenizes per call; this keeps the
 * published heuristics that matter for short support messages (negation, boosters, "but", shouting,
 * exclamation marks) on our own tokens, which the hot path has already computed.
 */
final class VaderLexicon {
    private static final String RESOURCE = "vader_sentiment_lexicon.txt";
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nobody", "nothing", "neither",
            "nor", "cannot", "can't", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "won't", "wouldn't",
            "shouldn't", "couldn't", "haven't", "hasn't", "hadn't", "without", "ain't", "dont", "doesnt", "didnt", "cant", "wont");
    private static final Map<String, Double> BOOSTERS = Map.ofEntries(
            Map.entry("very", 0.293), Map.entry("really", 0.293), Map.entry("so", 0.293), Map.entry("extremely", 0.293),
            Map.entry("totally", 0.293), Map.entry("absolutely", 0.293), Map.entry("completely", 0.293),
            Map.entry("incredibly", 0.293), Map.entry("super", 0.293), Map.entry("most", 0.293), Map.entry("too", 0.293),
            Map.entry("barely", -0.293), Map.entry("hardly", -0.293), Map.entry("slightly", -0.293),
            Map.entry("somewhat", -0.293), Map.entry("kinda", -0.293), Map.entry("little", -0.293));
    private static final double SHOUT = 0.733;
    private static final double NEGATION_SCALAR = -0.74;

    static final VaderLexicon INSTANCE = load();

    private final Map<String, Double> valence;

    private VaderLexicon(Map<String, Double> valence) {
        this.valence = valence;
    }

    private static VaderLexicon load() {
        InputStream in = VaderLexicon.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) throw new IllegalStateException(RESOURCE + " is not on the classpath (vader-sentiment-analyzer jar)");
        Map<String, Double> m = new HashMap<>(16_384);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int t1 = line.indexOf('\t');
                int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
                if (t2 < 0) continue;
                m.put(line.substring(0, t1), Double.parseDouble(line.substring(t1 + 1, t2)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new VaderLexicon(m);
    }

    /**
     * Compound polarity in -1..1.
     *
     * @param exclamations number of '!' in the raw text (emphasis, capped at 4 as VADER does)
     */
    double compound(List<String> tokens, int shoutedWords, int exclamations) {
        double sum = 0;
        int butAt = tokens.indexOf("but");
        boolean someShouting = shoutedWords > 0 && shoutedWords < tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            Double v = valence.get(tokens.get(i));
            if (v == null) continue;
            double s = v;
            for (int back = 1; back <= 3 && i - back >= 0; back++) {
                String prev = tokens.get(i - back);
                Double boost = BOOSTERS.get(prev);
                if (boost != null) s += Math.signum(s) * boost * (back == 1 ? 1 : back == 2 ? 0.95 : 0.9);
                if (NEGATIONS.contains(prev) || prev.endsWith("n't")) {
                    s *= NEGATION_SCALAR;
                    break;
                }
            }
            if (butAt >= 0) s *= i < butAt ? 0.5 : i > butAt ? 1.5 : 1;
            sum += s;
        }
        if (sum != 0) {
            if (someShouting) sum += Math.signum(sum) * SHOUT * Math.min(1.0, shoutedWords / 3.0);
            sum += Math.signum(sum) * 0.292 * Math.min(4, exclamations);
        }
        return sum / Math.sqrt(sum * sum + 15);
    }
}
