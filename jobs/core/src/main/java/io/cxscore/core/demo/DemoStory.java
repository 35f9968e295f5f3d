package io.cxscore.core.demo;

import io.cxscore.core.demo.DemoWorld.Brand;
import io.cxscore.core.demo.DemoWorld.Topic;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What happens over the demo period, so that dashboards have something to show:
 * <ul>
 *   <li>weekends are quieter than weekdays, and volume grows a little week on week;</li>
 *   <li>the AI agent improves slowly: more AI resolutions, fewer bot loops;</li>
 *   <li>an outage week starting at 40% of the period: the payment provider is down, so actions fail
 *       (tool gap spike), mostly on refunds and credits;</li>
 *   <li>from the middle of the period a knowledge gap opens: Loomwork launches SAML single sign-on
 *       without a help article, and Harbor &amp; Pine shortens its returns window while the article
 *       still says 30 days.</li>
 * </ul>
 */
final class DemoStory {
    static final Map<String, String> LAUNCH_TOPIC = Map.of("loomwork", "sso-setup", "harbor-pine", "return-request");
    /** Topics that only exist once the launch has happened. */
    static final List<String> LAUNCHED_FEATURES = List.of("sso-setup");

    private final LocalDate start;
    private final int days;

    DemoStory(LocalDate start, int days) {
        this.start = start;
        this.days = days;
    }

    double progress(LocalDate day) {
        return days <= 1 ? 0 : (double) (day.toEpochDay() - start.toEpochDay()) / (days - 1);
    }

    LocalDate outageStart() {
        return start.plusDays((long) Math.floor(days * 0.4));
    }

    boolean inOutage(LocalDate day) {
        return !day.isBefore(outageStart()) && day.isBefore(outageStart().plusDays(7));
    }

    LocalDate launchDay() {
        return start.plusDays(days / 2);
    }

    boolean afterLaunch(LocalDate day) {
        return !day.isBefore(launchDay());
    }

    /** Expected conversations on a day, before noise. */
    double volume(LocalDate day, int perDay) {
        DayOfWeek dow = day.getDayOfWeek();
        double weekly = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 0.62 : 1.12;
        double trend = 0.93 + 0.14 * progress(day);
        double incident = inOutage(day) ? 1.08 : 1.0;
        return perDay * weekly * trend * incident;
    }

    double[] scenarioWeights(LocalDate day, String cohort) {
        Scenario[] all = Scenario.values();
        double[] w = new double[all.length];
        double t = progress(day);
        boolean enterprise = "enterprise".equals(cohort);
        for (int i = 0; i < all.length; i++) {
            Scenario sc = all[i];
            double x = sc.baseWeight();
            switch (sc) {
                case AI_RESOLVES -> x *= (0.85 + 0.3 * t) * (enterprise ? 0.4 : 1);
                case ROUTING_BOT_LOOP -> x *= (1.3 - 0.6 * t) * (enterprise ? 0.4 : 1);
                case AI_HANDOFF_HUMAN_RESOLVES, ROUTING_MISSED_ESCALATION -> x *= enterprise ? 0.4 : 1;
                case CORRECT_ESCALATION -> x *= enterprise ? 1.6 : 1;
                // the wrong register is a casual reply to a customer who expects formality
                case TONE_WRONG_REGISTER -> x = enterprise ? x * 6 : 0;
                case TOOL_ACTION_FAILED -> x *= inOutage(day) ? 7 : 1;
                case KNOWLEDGE_MISSING_ARTICLE, KNOWLEDGE_OUTDATED_ARTICLE -> x *= afterLaunch(day) ? 3 : 1;
                default -> { }
            }
            w[i] = x;
        }
        return w;
    }

    Topic topic(Dice dice, DemoWorld world, Brand brand, Scenario scenario, LocalDate day) {
        List<Topic> topics = world.topicsOf(brand).stream()
                .filter(t -> afterLaunch(day) || !LAUNCHED_FEATURES.contains(t.key()))
                .toList();
        if (scenario == Scenario.POLICY_REFUND_WITHOUT_VERIFICATION) {
            return dice.pick(topics.stream().filter(Topic::refundable).toList());
        }
        boolean knowledge = scenario == Scenario.KNOWLEDGE_MISSING_ARTICLE || scenario == Scenario.KNOWLEDGE_OUTDATED_ARTICLE;
        if (knowledge && afterLaunch(day) && dice.chance(0.65)) {
            String key = LAUNCH_TOPIC.get(brand.key());
            return topics.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
        }
        if (scenario == Scenario.TOOL_ACTION_FAILED && inOutage(day) && dice.chance(0.7)) {
            return dice.pick(topics.stream().filter(t -> "billing".equals(t.team())).toList());
        }
        double[] weights = new double[topics.size()];
        for (int i = 0; i < weights.length; i++) weights[i] = LAUNCHED_FEATURES.contains(topics.get(i).key()) ? 3 : 1;
        return topics.get(dice.weighted(weights));
    }

    /** The error an action fails with: the payment provider during the outage, assorted faults otherwise. */
    String toolError(Dice dice, Topic topic, LocalDate day) {
        if (inOutage(day) && "billing".equals(topic.team())) return ScenarioScripts.OUTAGE_ERROR;
        return dice.pick(ScenarioScripts.TOOL_ERRORS);
    }
}
