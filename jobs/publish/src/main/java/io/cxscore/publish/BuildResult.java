package io.cxscore.publish;

import java.nio.file.Path;
import java.util.List;

/**
 * What a warehouse build did. The database file is replaced only when every model built and no
 * error-severity test failed (write, audit, then publish); otherwise the previous file stays.
 *
 * @param database the database file the build targeted
 * @param published true when {@code database} now holds this build
 * @param builtModels the models that were built, in build order
 * @param failure why a model (or the build itself) failed, or null
 * @param tests every test result, in run order; empty when a model failed first
 */
public record BuildResult(Path database, boolean published, List<String> builtModels, String failure,
                          List<TestResult> tests) {
    public BuildResult {
        builtModels = List.copyOf(builtModels);
        tests = List.copyOf(tests);
    }

    public boolean succeeded() {
        return failure == null && tests.stream().noneMatch(TestResult::failsBuild);
    }

    public List<TestResult> failedTests() {
        return tests.stream().filter(t -> !t.passed()).toList();
    }

    public TestResult test(String name) {
        return tests.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test named " + name));
    }

    /** A plain-text report for the console: the outcome first, then every test that did not pass. */
    public String report() {
        StringBuilder out = new StringBuilder();
        long failing = tests.stream().filter(TestResult::failsBuild).count();
        long warnings = tests.stream().filter(t -> !t.passed() && !t.failsBuild()).count();
        if (failure != null) {
            out.append("Warehouse build FAILED: ").append(failure);
        } else if (failing > 0) {
            out.append("Warehouse build FAILED: ").append(failing).append(" of ").append(tests.size())
                    .append(" tests failed");
        } else {
            out.append("Warehouse build OK: ").append(builtModels.size()).append(" models, ")
                    .append(tests.size()).append(" tests passed");
            if (warnings > 0) out.append(" (").append(warnings).append(" with warnings)");
        }
        out.append(published ? "; published " + database : "; not published, previous " + database.getFileName()
                + " left as it was");
        for (TestResult t : failedTests()) out.append("\n  ").append(t.describe());
        return out.toString();
    }
}
