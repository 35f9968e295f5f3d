package io.cxscore.publish.gaps;

import java.time.LocalDate;
import java.util.List;

/**
 * One gap as {@code mart_gaps} has it: failure instances grouped by {@link GapKey}.
 *
 * @param cxImpact mean CX of the gap's scored conversations minus that of every other scored
 *                 conversation (negative is worse); null when either side has none
 * @param seenOn the distinct days the gap was seen, oldest first
 * @param exampleConversationIds up to three, highest confidence first
 */
public record Gap(String id, String category, String subcategory, String topic, String subject, Owner owner,
                  long conversations, long instances, long aiTurnInstances, Double meanCxAffected,
                  Double meanCxRest, Double cxImpact, LocalDate firstSeen, LocalDate lastSeen,
                  List<LocalDate> seenOn, List<String> exampleConversationIds) {
    public Gap {
        seenOn = List.copyOf(seenOn);
        exampleConversationIds = List.copyOf(exampleConversationIds);
    }

    /** "knowledge / missing article: SSO set-up (sso-setup)" */
    public String title() {
        StringBuilder t = new StringBuilder(category).append(" / ").append(subcategory.replace('_', ' '));
        if (subject != null && !subject.isBlank()) t.append(": ").append(subject);
        if (topic != null && !topic.isBlank()) t.append(" (").append(topic).append(')');
        return t.toString();
    }
}
