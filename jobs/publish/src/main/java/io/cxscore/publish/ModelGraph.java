package io.cxscore.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The models and the models each one {@code ref()}s: gives a build order, or names a cycle. */
final class ModelGraph {
    private enum Mark { IN_PROGRESS, DONE }

    private final Map<String, Set<String>> upstream;

    /** @param upstream model name to the names it refs; every ref must be a key */
    ModelGraph(Map<String, Set<String>> upstream) {
        // sorted so that the build order is the same on every machine
        this.upstream = new TreeMap<>();
        upstream.forEach((model, refs) -> this.upstream.put(model, new TreeSet<>(refs)));
    }

    /** Every model after the models it refs. */
    List<String> buildOrder() {
        List<String> order = new ArrayList<>();
        Map<String, Mark> marks = new HashMap<>();
        for (String model : upstream.keySet()) visit(model, marks, new ArrayList<>(), order);
        return order;
    }

    private void visit(String model, Map<String, Mark> marks, List<String> path, List<String> order) {
        Mark mark = marks.get(model);
        if (mark == Mark.DONE) return;
        if (mark == Mark.IN_PROGRESS) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(model), path.size()));
            cycle.add(model);
            throw new WarehouseProjectException("models ref each other in a cycle: " + String.join(" -> ", cycle));
        }
        marks.put(model, Mark.IN_PROGRESS);
        path.add(model);
        for (String ref : upstream.get(model)) visit(ref, marks, path, order);
        path.remove(path.size() - 1);
        marks.put(model, Mark.DONE);
        order.add(model);
    }
}
