package io.cxscore.publish;

import java.util.List;

/**
 * The outcome of one {@link DataTest}.
 *
 * @param failingRows how many rows the test query returned (0 when it passed or could not run)
 * @param sample up to five failing rows, each as {@code column=value, ...}
 * @param error DuckDB's message when the test query itself could not run, else null
 */
public record TestResult(String name, String model, DataTest.Severity severity, long failingRows,
                         List<String> sample, String error) {
    public TestResult {
        sample = List.copyOf(sample);
    }

    public boolean passed() {
        return error == null && failingRows == 0;
    }

    /** True when this result makes the build fail: an error-severity test that failed or could not run. */
    public boolean failsBuild() {
        return !passed() && (error != null || severity == DataTest.Severity.ERROR);
    }

    /** One line (plus an example line) a person can act on. */
    public String describe() {
        String status = passed() ? "PASS" : failsBuild() ? "FAIL" : "WARN";
        if (error != null) return status + " " + name + " on " + model + ": could not run: " + error;
        String line = status + " " + name + " on " + model;
        if (passed()) return line;
        line += ": " + failingRows + " failing row" + (failingRows == 1 ? "" : "s");
        if (sample.isEmpty()) return line;
        // whole-row samples of wide models would bury the message; the full row stays in sample()
        String example = sample.get(0);
        return line + "\n       e.g. " + (example.length() <= 240 ? example : example.substring(0, 240) + " ...");
    }
}
