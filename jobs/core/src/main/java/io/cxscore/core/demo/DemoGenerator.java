package io.cxscore.core.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxscore.core.demo.DemoWorld.Brand;
import io.cxscore.core.demo.DemoWorld.Topic;
import io.cxscore.core.ingest.CxJsonl;
import io.cxscore.core.model.Conversation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes realistic synthetic support conversations for {@code cx demo}: one cx-jsonl file per day,
 * two brands, human and AI agents, happy paths and every kind of failure, plus a few broken lines.
 *
 * <p>Deterministic: the same settings give byte-identical files. Each conversation draws from its
 * own random stream, seeded by (seed, day, ordinal), so it does not depend on how many conversations
 * came before it and can be regenerated alone; nothing reads the clock or iterates a hash map into the
 * output.
 *
 * <p>Ground truth goes into {@code metadata}: {@code demo_scenario}, {@code demo_gap},
 * {@code demo_topic} and {@code demo_resolution} (a {@link io.cxscore.core.score.Resolution} wire name).
 */
public final class DemoGenerator {
    public static final long DEFAULT_SEED = 42;
    public static final LocalDate DEFAULT_END = LocalDate.of(2026, 11, 15);
    public static final int DEFAULT_DAYS = 42;
    public static final int DEFAULT_CONVERSATIONS_PER_DAY = 200;
    public static final double DEFAULT_MALFORMED_RATE = 0.005;
    /** Share of conversations whose customer answered the survey: about what help desks see. */
    static final double CSAT_RESPONSE_RATE = 0.08;
    static final String SOURCE = "cx-demo";

    private static final List<String> COHORTS = List.of("enterprise", "smb", "self-serve");
    private static final List<String> CHANNELS = List.of("chat", "email", "messaging", "voice");
    private static final Map<String, double[]> CHANNEL_MIX = Map.of(
            "enterprise", new double[] {0.20, 0.45, 0.10, 0.25},
            "smb", new double[] {0.40, 0.30, 0.15, 0.15},
            "self-serve", new double[] {0.50, 0.15, 0.28, 0.07});
    /** Relative volume by UTC hour: quiet nights, a broad working-day peak across Europe and the Americas. */
    private static final double[] HOURLY = {1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 11, 11, 10, 10, 11, 11, 10, 9, 8, 7, 6, 4, 3, 2};
    private static final long MALFORMED_STREAM = 0x6D616C66L;

    private final long seed;
    private final LocalDate start;
    private final int days;
    private final int perDay;
    private final double malformedRate;
    private final DemoWorld world;
    private final DemoStory story;

    private DemoGenerator(Builder b) {
        if (b.days < 1) throw new IllegalArgumentException("days must be at least 1, was " + b.days);
        if (b.perDay < 1) throw new IllegalArgumentException("conversations per day must be at least 1, was " + b.perDay);
        if (b.malformedRate < 0 || b.malformedRate > 1) throw new IllegalArgumentException("malformed rate must be 0..1, was " + b.malformedRate);
        if (b.start != null && b.end != null) throw new IllegalArgumentException("give a start date or an end date, not both");
        this.seed = b.seed;
        this.days = b.days;
        this.perDay = b.perDay;
        this.malformedRate = b.malformedRate;
        this.start = b.start != null ? b.start : (b.end != null ? b.end : DEFAULT_END).minusDays(days - 1L);
        this.world = DemoWorld.load();
        this.story = new DemoStory(start, days);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Seed 42, the 42 days ending 2026-11-15, about 200 conversations a day. */
    public static DemoGenerator withDefaults() {
        return builder().build();
    }

    public LocalDate startDate() {
        return start;
    }

    public LocalDate endDate() {
        return start.plusDays(days - 1L);
    }

    public static String fileName(LocalDate day) {
        return "conversations-" + day + ".jsonl";
    }

    /**
     * Writes {@code conversations-YYYY-MM-DD.jsonl} for every day into the folder (created if needed),
     * replacing files of the same name.
     */
    public DemoSummary generate(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>(days);
        Map<String, Integer> scenarios = new TreeMap<>();
        Map<String, Integer> gaps = new TreeMap<>();
        for (Scenario sc : Scenario.values()) {
            scenarios.put(sc.wireName(), 0);
            gaps.put(sc.gap().wireName(), 0);
        }
        List<MalformedLine> malformed = new ArrayList<>();
        int conversations = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            Path file = folder.resolve(fileName(day));
            files.add(file);
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                int lineNo = 0;
                for (Ordinal o : conversationsOn(day)) {
                    lineNo++;
                    Dice breaker = new Dice(Dice.seedFor(seed, day.toEpochDay(), o.ordinal(), MALFORMED_STREAM));
                    String line;
                    if (breaker.chance(malformedRate)) {
                        // rotate through the kinds so that even a short run shows every one
                        MalformedKind kind = MalformedKind.values()[malformed.size() % MalformedKind.values().length];
                        MalformedKind.Corruption c = kind.corrupt(CxJsonl.toJson(o.conversation()), breaker);
                        malformed.add(new MalformedLine(file.getFileName().toString(), lineNo, kind, c.field()));
                        line = c.line();
                    } else {
                        line = CxJsonl.write(o.conversation());
                        conversations++;
                        Map<String, String> md = o.conversation().metadata();
                        scenarios.merge(md.get("demo_scenario"), 1, Integer::sum);
                        gaps.merge(md.get("demo_gap"), 1, Integer::sum);
                    }
                    out.write(line);
                    out.write('\n');
                }
            }
        }
        return new DemoSummary(files, conversations, malformed.size(), new TreeMap<>(scenarios), new TreeMap<>(gaps), malformed);
    }

    /** The conversations opened on a day, in the order they are written (by opening time). */
    public List<Conversation> conversations(LocalDate day) {
        return conversationsOn(day).stream().map(Ordinal::conversation).toList();
    }

    private record Ordinal(int ordinal, Conversation conversation) {}

    private List<Ordinal> conversationsOn(LocalDate day) {
        Dice dayDice = new Dice(Dice.seedFor(seed, day.toEpochDay()));
        int count = Math.max(1, (int) Math.round(story.volume(day, perDay) * (1 + 0.05 * dayDice.gaussian())));
        List<Ordinal> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(new Ordinal(i, conversation(day, i)));
        out.sort(Comparator.comparing((Ordinal o) -> o.conversation().openedAt()).thenComparingInt(Ordinal::ordinal));
        return out;
    }

    Conversation conversation(LocalDate day, int ordinal) {
        Dice dice = new Dice(Dice.seedFor(seed, day.toEpochDay(), ordinal));
        Brand brand = world.brands().get(dice.weighted(world.brands().stream().mapToDouble(Brand::weight).toArray()));
        String cohort = COHORTS.get(dice.weighted(COHORTS.stream().mapToDouble(c -> brand.cohortWeights().getOrDefault(c, 0.0)).toArray()));
        Scenario scenario = Scenario.values()[dice.weighted(story.scenarioWeights(day, cohort))];
        Topic topic = story.topic(dice, world, brand, scenario, day);
        String channel = CHANNELS.get(dice.weighted(CHANNEL_MIX.get(cohort)));
        CustomerProfile customer = CustomerProfile.draw(world, cohort, dice);
        Instant opened = day.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(dice.weighted(HOURLY) * 3_600L + dice.between(0, 3_599));

        TextSlots slots = slots(dice, brand, topic, cohort, customer, day);
        ConversationScript script = new ConversationScript(dice, channel, opened);
        Scene scene = new Scene(dice, brand, topic, channel, cohort, customer, slots, script);
        ScenarioScripts.play(scenario, scene);

        Integer csat = null;
        if (dice.chance(CSAT_RESPONSE_RATE)) {
            csat = (int) Math.max(1, Math.min(5, Math.round(scene.csatMean() + 0.7 * dice.gaussian())));
        }
        Map<String, String> metadata = new TreeMap<>();
        metadata.put("demo_scenario", scenario.wireName());
        metadata.put("demo_gap", scenario.gap().wireName());
        metadata.put("demo_topic", topic.key());
        metadata.put("demo_resolution", scene.outcome().wireName());
        String id = brand.idPrefix() + "-" + day.toString().replace("-", "") + "-" + String.format(Locale.ROOT, "%04d", ordinal);
        return new Conversation(id, SOURCE, channel, brand.name(), scene.finalTeam(), scene.queue(), cohort, script.openedAt(),
                script.closedAt(), script.messages(), script.transfers(), script.actions(), csat, metadata, null);
    }

    private TextSlots slots(Dice dice, Brand brand, Topic topic, String cohort, CustomerProfile c, LocalDate day) {
        TextSlots s = new TextSlots();
        s.put("first", c.first()).put("last", c.last()).put("fullname", c.fullName())
                .put("email", c.email()).put("alt_email", c.altEmail()).put("phone", c.phone())
                .put("card", c.card()).put("last4", c.last4()).put("address", c.address())
                .put("company", c.company().isEmpty() ? dice.pick(world.companies()) : c.company())
                .put("brand", brand.name()).put("cohort", cohort)
                .put("ai_first", brand.aiAgent().substring(0, brand.aiAgent().indexOf(' ')))
                .put("order", "HP-" + dice.between(1_000_000, 9_999_999))
                .put("invoice", "INV-" + day.getYear() + "-" + String.format(Locale.ROOT, "%06d", dice.between(1, 999_999)))
                .put("workspace", (c.company().isEmpty() ? c.first().toLowerCase(Locale.ROOT) + "-team"
                        : c.company().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-")))
                .put("amount", money(dice, brand))
                .put("plan", dice.pick(world.plans()))
                .put("item", dice.pick(world.items()))
                .put("days", String.valueOf(dice.between(9, 27)))
                .put("seats", String.valueOf(dice.pick(40, 120, 250, 400, 1200)))
                .put("points", String.valueOf(dice.between(3, 60) * 50))
                .put("ref", (brand.isStore() ? "HP" : "LW") + "-" + dice.between(10_000, 99_999))
                .put("wait", String.valueOf(dice.between(2, 15)))
                .put("hours", String.valueOf(dice.pick(4, 8, 24, 48)))
                .put("tool_error", story.toolError(dice, topic, day));
        // topic sentences can hold slots themselves, so they are filled before they become slots
        s.put("subject", topic.subject()).put("article", topic.article())
                .put("advice", s.fill(topic.advice())).put("Advice", capitalise(s.fill(topic.advice())))
                .put("alt_advice", s.fill(topic.altAdvice())).put("capability", s.fill(topic.capability()))
                .put("workaround", s.fill(topic.workaround())).put("bug", s.fill(topic.bug()))
                .put("Bug", capitalise(s.fill(topic.bug()))).put("no_rule_case", s.fill(topic.noRuleCase()))
                .put("manual_step", s.fill(topic.manualStep()));
        return s;
    }

    private static String money(Dice dice, Brand brand) {
        int cents = brand.isStore() ? dice.between(1_800, 42_000) : dice.pick(1_200, 2_400, 4_900, 9_900, 29_900, 119_000);
        if (!brand.isStore()) cents *= dice.pick(1, 1, 5, 12);
        return "$" + (cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + (cents % 100);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private LocalDate start;
        private LocalDate end;
        private int days = DEFAULT_DAYS;
        private int perDay = DEFAULT_CONVERSATIONS_PER_DAY;
        private double malformedRate = DEFAULT_MALFORMED_RATE;

        private Builder() {}

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** First day; when not given, the period ends on {@link #endDate} (default 2026-11-15). */
        public Builder startDate(LocalDate start) {
            this.start = start;
            return this;
        }

        public Builder endDate(LocalDate end) {
            this.end = end;
            return this;
        }

        public Builder days(int days) {
            this.days = days;
            return this;
        }

        /** The average on a weekday-weekend mix; weekdays get more, weekends fewer. */
        public Builder conversationsPerDay(int perDay) {
            this.perDay = perDay;
            return this;
        }

        public Builder malformedRate(double rate) {
            this.malformedRate = rate;
            return this;
        }

        public DemoGenerator build() {
            return new DemoGenerator(this);
        }
    }
}
