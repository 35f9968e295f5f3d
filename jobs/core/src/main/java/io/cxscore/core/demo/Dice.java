package io.cxscore.core.demo;

import java.util.List;
import java.util.Random;

/**
 * The only source of randomness in the demo generator. Wraps {@link java.util.Random} on purpose: its
 * algorithm is fixed by the Java specification, so a seed gives the same files on every JDK.
 */
final class Dice {
    private final Random random;

    Dice(long seed) {
        this.random = new Random(seed);
    }

    /** A seed for one conversation: mixing keeps neighbouring ordinals from getting correlated streams. */
    static long seedFor(long seed, long... parts) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long p : parts) h = mix(h ^ mix(p + 0x632BE59BD9B4E019L));
        return h;
    }

    // SplitMix64 finaliser
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Uniform in [min, max], both inclusive. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** Log-uniform in [min, max]: waits are short most of the time and occasionally very long. */
    long logUniform(long min, long max) {
        double lo = Math.log(min), hi = Math.log(max);
        return Math.round(Math.exp(lo + random.nextDouble() * (hi - lo)));
    }

    double gaussian() {
        return random.nextGaussian();
    }

    double unit() {
        return random.nextDouble();
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    /** Picks index i with probability weights[i] / sum(weights). */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.length - 1;
    }
}
