package io.cxscore.core.demo;

import java.util.HashMap;
import java.util.Map;

/**
 * The per-conversation values behind {slot} placeholders in templates (customer name, order number,
 * amount...). Only looked up, never iterated, so the map's order cannot leak into the output.
 */
final class TextSlots {
    private final Map<String, String> values = new HashMap<>();

    TextSlots put(String slot, String value) {
        values.put(slot, value);
        return this;
    }

    String get(String slot) {
        String v = values.get(slot);
        // A typo in a template must fail the build's tests, not ship a literal "{ordr}" to a demo
        if (v == null) throw new IllegalStateException("no value for template slot {" + slot + "}");
        return v;
    }

    String fill(String template) {
        int open = template.indexOf('{');
        if (open < 0) return template;
        StringBuilder out = new StringBuilder(template.length() + 32);
        int from = 0;
        while (open >= 0) {
            int close = template.indexOf('}', open);
            if (close < 0) break;
            out.append(template, from, open).append(get(template.substring(open + 1, close)));
            from = close + 1;
            open = template.indexOf('{', from);
        }
        return out.append(template, from, template.length()).toString();
    }
}
