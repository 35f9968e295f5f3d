package io.cxscore.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxscore.core.ingest.ConversationReader.RecordStream;
import io.cxscore.core.ingest.CxJsonlReader;
import io.cxscore.core.ingest.QuarantineRecord;
import io.cxscore.core.ingest.ReadResult;
import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.model.Transfer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoGeneratorTest {
    @TempDir
    static Path defaultRunDir;

    // The default run is generated once and read back once; most tests inspect it
    static DemoGenerator defaults;
    static DemoSummary summary;
    static Duration generationTime;
    static final List<Conversation> conversations = new ArrayList<>();
    static final List<QuarantineRecord> rejected = new ArrayList<>();

    @BeforeAll
    static void generateDefaultRun() throws IOException {
        defaults = DemoGenerator.withDefaults();
        long t0 = System.nanoTime();
        summary = defaults.generate(defaultRunDir);
        generationTime = Duration.ofNanos(System.nanoTime() - t0);
        CxJsonlReader reader = new CxJsonlReader();
        for (Path file : summary.files()) {
            try (RecordStream records = reader.open(file)) {
                while (records.hasNext()) {
                    ReadResult r = records.next();
                    if (r instanceof ReadResult.Read read) conversations.add(read.conversation());
                    else rejected.add(((ReadResult.Rejected) r).quarantine());
                }
            }
        }
    }

    // ------------------------------------------------------------------ determinism and speed

    @Test
    void should_write_identical_files_when_seed_repeats(@TempDir Path a, @TempDir Path b) throws IOException {
        // given
        DemoGenerator first = DemoGenerator.builder().seed(7).days(5).conversationsPerDay(120).build();
        DemoGenerator second = DemoGenerator.builder().seed(7).days(5).conversationsPerDay(120).build();

        // when
        DemoSummary one = first.generate(a);
        DemoSummary two = second.generate(b);

        // then
        assertThat(one.files()).hasSize(5);
        for (int i = 0; i < one.files().size(); i++) {
            assertThat(Files.readAllBytes(one.files().get(i))).isEqualTo(Files.readAllBytes(two.files().get(i)));
        }
        assertThat(one.scenarioCounts()).isEqualTo(two.scenarioCounts());
        assertThat(one.malformed()).isEqualTo(two.malformed());
    }

    @Test
    void should_write_different_files_when_seed_differs(@TempDir Path a, @TempDir Path b) throws IOException {
        // given
        DemoGenerator seven = DemoGenerator.builder().seed(7).days(2).conversationsPerDay(50).build();
        DemoGenerator eight = DemoGenerator.builder().seed(8).days(2).conversationsPerDay(50).build();

        // when
        DemoSummary one = seven.generate(a);
        DemoSummary two = eight.generate(b);

        // then
        assertThat(Files.readString(one.files().get(0))).isNotEqualTo(Files.readString(two.files().get(0)));
    }

    @Test
    void should_regenerate_a_single_conversation_exactly_as_written() {
        // given
        LocalDate day = defaults.startDate().plusDays(3);
        Conversation written = conversations.stream().filter(c -> c.day().equals(day)).findFirst().orElseThrow();
        int ordinal = Integer.parseInt(written.id().substring(written.id().lastIndexOf('-') + 1));

        // when
        Conversation again = defaults.conversation(day, ordinal);

        // then
        assertThat(again).isEqualTo(written);
    }

    @Test
    void should_generate_the_default_volume_in_well_under_ten_seconds() {
        // then
        assertThat(generationTime).isLessThan(Duration.ofSeconds(10));
        assertThat(summary.files()).hasSize(42);
        assertThat(defaults.endDate()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(defaults.startDate()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(summary.lines() / 42.0).isBetween(180.0, 220.0);
    }

    // ------------------------------------------------------------------ coverage

    @Test
    void should_include_every_scenario_and_every_gap_when_run_with_defaults() {
        // when
        Map<String, Long> scenariosInFiles = conversations.stream()
                .collect(Collectors.groupingBy(c -> c.metadata().get("demo_scenario"), TreeMap::new, Collectors.counting()));
        Map<String, Long> gapsInFiles = conversations.stream()
                .collect(Collectors.groupingBy(c -> c.metadata().get("demo_gap"), TreeMap::new, Collectors.counting()));

        // then
        for (Scenario s : Scenario.values()) {
            assertThat(scenariosInFiles.get(s.wireName())).as(s.wireName()).isNotNull().isGreaterThanOrEqualTo(20L);
        }
        assertThat(gapsInFiles.keySet()).containsExactly("knowledge", "none", "policy", "product", "routing", "tone", "tool");
    }

    @Test
    void should_count_in_the_summary_exactly_what_the_files_hold() throws IOException {
        // given
        long lines = 0;
        for (Path f : summary.files()) lines += Files.readAllLines(f).size();
        Map<String, Integer> scenariosInFiles = new TreeMap<>();
        for (Conversation c : conversations) scenariosInFiles.merge(c.metadata().get("demo_scenario"), 1, Integer::sum);

        // then
        assertThat(lines).isEqualTo(summary.lines());
        assertThat(conversations).hasSize(summary.conversations());
        assertThat(rejected).hasSize(summary.malformedLines());
        assertThat(scenariosInFiles).isEqualTo(summary.scenarioCounts());
        assertThat(summary.gapCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(summary.conversations());
        assertThat(summary.files()).allSatisfy(f -> assertThat(f.getFileName().toString()).matches("conversations-\\d{4}-\\d{2}-\\d{2}\\.jsonl"));
    }

    @Test
    void should_partition_each_conversation_into_the_file_of_its_opening_day() {
        // then
        Map<LocalDate, Long> perDay = conversations.stream().collect(Collectors.groupingBy(Conversation::day, Collectors.counting()));
        assertThat(perDay.keySet()).allSatisfy(d -> assertThat(d).isBetween(defaults.startDate(), defaults.endDate()));
        assertThat(conversations).extracting(Conversation::id).doesNotHaveDuplicates();
    }

    // ------------------------------------------------------------------ malformed lines

    @Test
    void should_reject_every_malformed_line_naming_the_expected_field() {
        // given
        List<String> expected = summary.malformed().stream()
                .map(m -> m.file() + " line " + m.lineNumber() + " " + m.expectedField()).toList();

        // when
        List<String> actual = rejected.stream().map(q -> q.source() + " " + q.position() + " " + q.field()).toList();

        // then
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(summary.malformed()).extracting(MalformedLine::kind).containsAll(List.of(MalformedKind.values()));
        assertThat((double) summary.malformedLines() / summary.lines()).isBetween(0.003, 0.008);
    }

    @Test
    void should_reject_each_kind_of_malformed_line_when_read_alone(@TempDir Path dir) throws IOException {
        // given
        DemoGenerator allBroken = DemoGenerator.builder().days(1).conversationsPerDay(30).malformedRate(1.0).build();

        // when
        DemoSummary s = allBroken.generate(dir);
        List<QuarantineRecord> quarantined = new ArrayList<>();
        try (RecordStream records = new CxJsonlReader().open(s.files().get(0))) {
            records.forEachRemaining(r -> quarantined.add(((ReadResult.Rejected) r).quarantine()));
        }

        // then
        assertThat(s.conversations()).isZero();
        assertThat(quarantined).extracting(QuarantineRecord::field)
                .containsExactlyElementsOf(s.malformed().stream().map(MalformedLine::expectedField).toList());
        assertThat(quarantined).extracting(QuarantineRecord::field)
                .contains("record", "id", "csat", "messages")
                .anySatisfy(f -> assertThat(f).matches("messages\\[\\d+]\\.role"))
                .anySatisfy(f -> assertThat(f).matches("messages\\[\\d+]\\.at|opened_at"));
    }

    // ------------------------------------------------------------------ consistency of each record

    @Test
    void should_point_transfers_and_actions_at_existing_messages_in_time_order() {
        for (Conversation c : conversations) {
            int n = c.messages().size();
            for (Transfer t : c.transfers()) {
                assertThat(t.afterMessage()).as(c.id()).isBetween(0, n - 1);
                assertThat(t.at()).as(c.id()).isAfter(c.messages().get(t.afterMessage()).at());
                if (t.afterMessage() + 1 < n) assertThat(t.at()).as(c.id()).isBefore(c.messages().get(t.afterMessage() + 1).at());
            }
            for (AgentAction a : c.actions()) {
                assertThat(a.afterMessage()).as(c.id()).isBetween(0, n - 1);
                assertThat(a.at()).as(c.id()).isAfter(c.messages().get(a.afterMessage()).at());
                assertThat(a.status()).isIn("succeeded", "failed");
            }
        }
    }

    @Test
    void should_stamp_messages_in_strictly_increasing_time_within_a_conversation() {
        for (Conversation c : conversations) {
            List<Message> m = c.messages();
            assertThat(c.openedAt()).isEqualTo(m.get(0).at());
            for (int i = 1; i < m.size(); i++) assertThat(m.get(i).at()).as(c.id()).isAfter(m.get(i - 1).at());
            assertThat(c.closedAt()).as(c.id()).isAfter(m.get(m.size() - 1).at());
            assertThat(c.messages()).extracting(Message::index).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, m.size()).boxed().toList());
        }
    }

    @Test
    void should_record_a_failed_action_when_a_tool_failed() {
        assertThat(scenario("tool_action_failed")).allSatisfy(c ->
                assertThat(c.actions()).anySatisfy(a -> {
                    assertThat(a.failed()).isTrue();
                    assertThat(a.params()).containsKey("error");
                }));
    }

    @Test
    void should_record_no_action_when_the_agent_only_claims_one() {
        assertThat(scenario("tool_claimed_not_taken")).allSatisfy(c -> {
            assertThat(c.actions()).isEmpty();
            assertThat(c.metadata()).containsEntry("demo_resolution", "unresolved");
        });
    }

    @Test
    void should_refund_without_any_identity_check_in_the_policy_breach() {
        assertThat(scenario("policy_refund_without_verification")).allSatisfy(c -> {
            assertThat(c.actions()).anySatisfy(a -> assertThat(a.name()).isEqualTo("issue_refund"));
            assertThat(c.actions()).noneSatisfy(a -> assertThat(a.name()).isEqualTo("verify_identity"));
        });
    }

    @Test
    void should_hand_off_from_the_ai_agent_to_a_human_after_an_ai_message() {
        assertThat(scenario("ai_handoff_human_resolves")).allSatisfy(c -> {
            assertThat(c.transfers()).hasSize(1);
            Transfer t = c.transfers().get(0);
            assertThat(t.fromQueue()).isEqualTo("ai-frontline");
            assertThat(c.messages().get(t.afterMessage()).role()).isEqualTo(Role.AI_AGENT);
            assertThat(c.messages().get(t.afterMessage() + 1).role()).isEqualTo(Role.HUMAN_AGENT);
            assertThat(c.queue()).isEqualTo(t.toQueue());
        });
    }

    @Test
    void should_route_escalations_from_l1_to_l2_and_ping_pong_between_queues() {
        assertThat(scenario("correct_escalation")).allSatisfy(c -> {
            assertThat(c.transfers()).singleElement().satisfies(t -> {
                assertThat(t.fromQueue()).endsWith("-l1");
                assertThat(t.toQueue()).endsWith("-l2");
            });
            assertThat(c.messages()).anySatisfy(m -> assertThat(m.isPublic()).isFalse());
        });
        assertThat(scenario("routing_ping_pong")).allSatisfy(c -> {
            assertThat(c.transfers()).hasSize(3);
            assertThat(c.transfers().get(0).fromQueue()).isEqualTo(c.transfers().get(1).toQueue());
            assertThat(c.transfers().get(1).fromQueue()).isEqualTo(c.transfers().get(2).toQueue());
        });
        assertThat(scenario("routing_missed_escalation")).allSatisfy(c -> {
            assertThat(c.transfers()).isEmpty();
            assertThat(c.handledByHuman()).isFalse();
        });
    }

    @Test
    void should_repeat_the_same_ai_message_in_a_bot_loop() {
        assertThat(scenario("routing_bot_loop")).allSatisfy(c -> {
            List<String> aiTexts = c.messages().stream().filter(m -> m.role() == Role.AI_AGENT).map(Message::text).toList();
            assertThat(aiTexts.size() - aiTexts.stream().distinct().count()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void should_give_the_wrong_register_only_to_enterprise_customers() {
        assertThat(scenario("tone_wrong_register")).allSatisfy(c -> assertThat(c.cohort()).isEqualTo("enterprise"));
    }

    // ------------------------------------------------------------------ realism

    @Test
    void should_have_both_ai_and_human_agents_with_named_authors() {
        // then
        assertThat(conversations.stream().filter(Conversation::handledByAi).count()).isGreaterThan(1000);
        assertThat(conversations.stream().filter(Conversation::handledByHuman).count()).isGreaterThan(1000);
        List<String> aiAuthors = conversations.stream().flatMap(c -> c.messages().stream())
                .filter(m -> m.role() == Role.AI_AGENT).map(Message::author).distinct().sorted().toList();
        assertThat(aiAuthors).containsExactly("Ava (AI agent)", "Juno (AI agent)");
        assertThat(conversations.stream().flatMap(c -> c.messages().stream())
                .filter(m -> m.role() == Role.HUMAN_AGENT).map(Message::author).distinct().count()).isGreaterThan(20);
    }

    @Test
    void should_spread_conversations_over_brands_teams_channels_and_cohorts() {
        assertThat(distinct(Conversation::brand)).containsExactly("Harbor & Pine", "Loomwork");
        assertThat(distinct(Conversation::channel)).containsExactly("chat", "email", "messaging", "voice");
        assertThat(distinct(Conversation::cohort)).containsExactly("enterprise", "self-serve", "smb");
        assertThat(distinct(Conversation::team)).containsExactly("accounts", "billing", "orders", "technical");
        assertThat(distinct(Conversation::queue)).contains("ai-frontline", "billing-l1", "billing-l2", "orders-l1", "technical-l2");
    }

    @Test
    void should_fill_every_template_placeholder() {
        Pattern slot = Pattern.compile("\\{[A-Za-z_]+}");
        assertThat(conversations.stream().flatMap(c -> c.messages().stream()).map(Message::text))
                .noneMatch(t -> slot.matcher(t).find());
    }

    @Test
    void should_scatter_fake_personal_data_through_the_text() {
        // given
        Pattern card = Pattern.compile("\\b4\\d{3} \\d{4} \\d{4} \\d{4}\\b");
        Pattern email = Pattern.compile("[a-z._0-9]+@[a-z.-]+\\.(example|com|org|net)");
        Pattern phone = Pattern.compile("555[- ]0\\d{3}|7946 0\\d{3}");
        List<String> texts = conversations.stream().flatMap(c -> c.messages().stream()).map(Message::text).toList();

        // then
        assertThat(texts.stream().filter(t -> card.matcher(t).find()).count()).isGreaterThan(50);
        assertThat(texts.stream().filter(t -> email.matcher(t).find()).count()).isGreaterThan(500);
        assertThat(texts.stream().filter(t -> phone.matcher(t).find()).count()).isGreaterThan(100);
        assertThat(texts.stream().filter(t -> card.matcher(t).find()).map(t -> {
            var m = card.matcher(t);
            m.find();
            return m.group().replace(" ", "");
        })).allMatch(DemoGeneratorTest::luhnValid);
    }

    @Test
    void should_answer_csat_on_about_eight_percent_and_rate_failures_lower() {
        // when
        List<Conversation> rated = conversations.stream().filter(c -> c.csat() != null).toList();
        double happy = rated.stream().filter(c -> c.metadata().get("demo_gap").equals("none")).mapToInt(Conversation::csat).average().orElseThrow();
        double routing = rated.stream().filter(c -> c.metadata().get("demo_gap").equals("routing")).mapToInt(Conversation::csat).average().orElseThrow();

        // then
        assertThat((double) rated.size() / conversations.size()).isBetween(0.065, 0.095);
        assertThat(happy).isGreaterThan(routing + 1.0);
    }

    @Test
    void should_wait_seconds_for_the_ai_agent_and_minutes_for_humans() {
        // when
        double aiWait = medianReplySeconds(Role.AI_AGENT, "chat");
        double humanWait = medianReplySeconds(Role.HUMAN_AGENT, "chat");
        double humanEmailWait = medianReplySeconds(Role.HUMAN_AGENT, "email");

        // then
        assertThat(aiWait).isLessThan(15);
        assertThat(humanWait).isBetween(30.0, 1_800.0);
        assertThat(humanEmailWait).isGreaterThan(humanWait * 5);
    }

    @Test
    void should_tell_a_story_of_quiet_weekends_an_outage_week_and_a_knowledge_gap() {
        // given
        DemoStory story = new DemoStory(defaults.startDate(), 42);
        Predicate<Conversation> outage = c -> story.inOutage(c.day());
        Predicate<Conversation> weekend = c -> c.day().getDayOfWeek() == DayOfWeek.SATURDAY || c.day().getDayOfWeek() == DayOfWeek.SUNDAY;
        Predicate<Conversation> afterLaunch = c -> story.afterLaunch(c.day());

        // then
        assertThat(perDay(weekend)).isLessThan(perDay(weekend.negate()) * 0.75);
        assertThat(share(outage, "demo_scenario", "tool_action_failed"))
                .isGreaterThan(3 * share(outage.negate(), "demo_scenario", "tool_action_failed"));
        assertThat(share(afterLaunch, "demo_gap", "knowledge"))
                .isGreaterThan(1.8 * share(afterLaunch.negate(), "demo_gap", "knowledge"));
        assertThat(conversations.stream().filter(afterLaunch.negate()).map(c -> c.metadata().get("demo_topic"))).doesNotContain("sso-setup");
        assertThat(conversations.stream().filter(outage).flatMap(c -> c.actions().stream()).filter(AgentAction::failed)
                .map(a -> a.params().get("error"))).contains(ScenarioScripts.OUTAGE_ERROR);
        assertThat(conversations.stream().filter(outage.negate()).flatMap(c -> c.actions().stream()).filter(AgentAction::failed)
                .map(a -> a.params().get("error"))).doesNotContain(ScenarioScripts.OUTAGE_ERROR);
    }

    @Test
    void should_refuse_settings_that_make_no_sense() {
        assertThatThrownBy(() -> DemoGenerator.builder().days(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoGenerator.builder().conversationsPerDay(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoGenerator.builder().startDate(LocalDate.of(2026, 1, 1)).endDate(LocalDate.of(2026, 2, 1)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ helpers

    private static List<Conversation> scenario(String name) {
        List<Conversation> found = conversations.stream().filter(c -> name.equals(c.metadata().get("demo_scenario"))).toList();
        assertThat(found).as(name).isNotEmpty();
        return found;
    }

    private static List<String> distinct(java.util.function.Function<Conversation, String> field) {
        return conversations.stream().map(field).distinct().sorted().toList();
    }

    private static double share(Predicate<Conversation> where, String key, String value) {
        List<Conversation> in = conversations.stream().filter(where).toList();
        return (double) in.stream().filter(c -> value.equals(c.metadata().get(key))).count() / in.size();
    }

    private static double perDay(Predicate<Conversation> where) {
        List<Conversation> in = conversations.stream().filter(where).toList();
        return (double) in.size() / in.stream().map(Conversation::day).distinct().count();
    }

    private static double medianReplySeconds(Role role, String channel) {
        List<Long> waits = new ArrayList<>();
        for (Conversation c : conversations) {
            if (!channel.equals(c.channel())) continue;
            for (int i = 1; i < c.messages().size(); i++) {
                Message m = c.messages().get(i);
                if (m.role() == role && m.isPublic() && c.messages().get(i - 1).role() == Role.CUSTOMER) {
                    waits.add(Duration.between(c.messages().get(i - 1).at(), m.at()).toSeconds());
                }
            }
        }
        return waits.stream().sorted().toList().get(waits.size() / 2);
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
