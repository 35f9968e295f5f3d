package io.cxscore.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's dashboard as a browser shows it: headless Chromium loads {@code dashboard.html} from the
 * file, the DOM it builds must carry the marts' numbers, and a screenshot is left in
 * {@code jobs/cli/target/browser/dashboard.png} for a person to look at. Skipped, saying so, when no
 * Chromium is installed ({@code .ci/chromium.sh} installs Debian's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardInBrowserTest {
    private static final Pattern ELEMENT = Pattern.compile("<([a-z]+)((?:\\s+[a-zA-Z0-9_:-]+(?:=\"[^\"]*\")?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z0-9_:-]+)(?:=\"([^\"]*)\")?");
    private static final Path SCREENSHOT = Path.of("target", "browser", "dashboard.png");

    @TempDir
    Path tmp;

    private Chromium chromium;
    private Path out;

    @BeforeAll
    void demo(@TempDir Path demoDir) {
        Optional<Chromium> found = Chromium.find();
        if (found.isEmpty()) {
            System.err.println("DashboardInBrowserTest skipped: no chromium on PATH (run .ci/chromium.sh, or set CX_CHROMIUM)");
        }
        assumeTrue(found.isPresent(), "no chromium on PATH: run .ci/chromium.sh or set CX_CHROMIUM");
        chromium = found.get();
        out = demoDir.resolve("out");
        // nine days span two ISO weeks or more: week-over-week changes, and drill-down examples in each week
        int exit = Cx.commandLine().execute("demo", "--out", out.toString(), "--days", "9", "--per-day", "30",
                "--project", DemoCommandTest.REPO.resolve("warehouse").toString());
        assertThat(exit).isZero();
    }

    @Test
    void should_load_without_console_messages_and_show_every_section_when_opened_from_the_file() throws Exception {
        // when
        Chromium.Run run = chromium.dumpDom(out.resolve("dashboard.html"), Files.createDirectory(tmp.resolve("profile")));

        // then
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.consoleMessages()).as("console messages").isEmpty();
        assertThat(run.stdout()).contains("<h1>CX score dashboard</h1>", "</main>");
        for (String section : List.of("headline", "trend", "executive", "drivers", "segments", "resolution", "drilldown",
                "quarantine", "runs")) {
            assertThat(run.stdout()).contains("id=\"" + section + "\"");
        }
    }

    @Test
    void should_carry_the_marts_numbers_in_the_charts_when_rendered_by_the_browser() throws Exception {
        // given
        Chromium.Run run = chromium.dumpDom(out.resolve("dashboard.html"), Files.createDirectory(tmp.resolve("profile")));
        List<Map<String, String>> elements = elements(run.stdout());

        // when
        Map<String, String> segmentPoints = new TreeMap<>();
        for (Map<String, String> e : withClass(elements, "segment-point")) {
            segmentPoints.put(e.get("data-dimension") + "|" + e.get("data-value") + "|" + e.get("data-week"),
                    e.get("data-n") + "|" + e.get("data-mean-cx") + "|" + e.get("data-ci95-low") + "|" + e.get("data-ci95-high"));
        }
        Map<String, String> overallPoints = new TreeMap<>();
        for (Map<String, String> e : withClass(elements, "point")) {
            if ("overall".equals(e.get("data-series"))) overallPoints.put(e.get("data-week"), e.get("data-mean-cx"));
        }
        Map<String, String> driverBars = new TreeMap<>();
        for (Map<String, String> e : withClass(elements, "bar")) {
            driverBars.put(e.get("data-week") + "|" + e.get("data-driver"), e.get("data-mean-contribution"));
        }

        // then
        assertThat(segmentPoints).isEqualTo(marts("""
                select dimension || '|' || dimension_value || '|' || cast(week_start as varchar),
                       count_conversations || '|' || printf('%.4f', mean_cx) || '|' || coalesce(printf('%.4f', ci95_low), '')
                       || '|' || coalesce(printf('%.4f', ci95_high), '')
                from mart_cx_weekly where dimension in ('team', 'channel', 'cohort', 'handled_by')"""));
        assertThat(overallPoints).isEqualTo(marts("""
                select cast(week_start as varchar), printf('%.4f', mean_cx) from mart_cx_weekly where dimension = 'overall'"""));
        assertThat(driverBars).isEqualTo(marts("""
                select cast(week_start as varchar) || '|' || driver, printf('%.4f', mean_contribution) from mart_drivers_weekly"""));
        assertThat(overallPoints).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void should_show_each_example_conversation_with_its_evidence_turns_when_drilling_down() throws Exception {
        // given
        Chromium.Run run = chromium.dumpDom(out.resolve("dashboard.html"), Files.createDirectory(tmp.resolve("profile")));
        List<Map<String, String>> elements = elements(run.stdout());

        // when
        Map<String, String> conversations = new TreeMap<>();
        for (Map<String, String> e : withClass(elements, "conversation")) {
            conversations.put(e.get("data-conversation-id"), e.get("data-cx-score") + "|" + e.get("data-turns"));
        }
        long evidenceTurns = withClass(elements, "evidence").size();
        long openConversations = withClass(elements, "conversation").stream().filter(e -> e.containsKey("open")).count();

        // then
        assertThat(conversations).isNotEmpty().isEqualTo(marts("""
                select c.conversation_id, c.cx_score || '|' || count(m.message_index)
                from mart_drilldown_conversations c left join mart_drilldown_messages m using (conversation_id)
                group by c.conversation_id, c.cx_score"""));
        assertThat(evidenceTurns).isEqualTo(Long.parseLong(marts("""
                select 'all', count(*) from mart_drilldown_messages
                where is_resolution_evidence or is_sentiment_evidence or is_effort_evidence""").get("all")));
        assertThat(openConversations).isEqualTo(1);
        assertThat(run.stdout()).doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\\.[A-Za-z]{2,}");
    }

    @Test
    void should_write_a_full_width_screenshot_when_asked_for_one() throws Exception {
        // given
        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);

        // when
        Chromium.Run run = chromium.screenshot(out.resolve("dashboard.html"), SCREENSHOT, 1280, 4200,
                Files.createDirectory(tmp.resolve("profile")));

        // then
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        try (InputStream in = Files.newInputStream(SCREENSHOT); DataInputStream png = new DataInputStream(in)) {
            byte[] signature = png.readNBytes(8);
            assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            png.readInt(); // IHDR length
            assertThat(new String(png.readNBytes(4), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("IHDR");
            assertThat(png.readInt()).isEqualTo(1280);
            assertThat(png.readInt()).isEqualTo(4200);
        }
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(50_000); // a blank page compresses to a few kB
    }

    private Map<String, String> marts(String sql) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("cx.duckdb").toAbsolutePath(), readOnly);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) rows.put(rs.getString(1), rs.getString(2));
        }
        return rows;
    }

    /** Start tags of the serialised DOM with their attributes (Chromium writes them double-quoted). */
    private static List<Map<String, String>> elements(String dom) {
        List<Map<String, String>> elements = new ArrayList<>();
        Matcher tag = ELEMENT.matcher(dom);
        while (tag.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("", tag.group(1).toLowerCase(Locale.ROOT));
            Matcher a = ATTRIBUTE.matcher(tag.group(2));
            while (a.find()) attributes.put(a.group(1), a.group(2) == null ? "" : a.group(2).replace("&amp;", "&"));
            elements.add(attributes);
        }
        return elements;
    }

    private static List<Map<String, String>> withClass(List<Map<String, String>> elements, String cssClass) {
        return elements.stream()
                .filter(e -> List.of(e.getOrDefault("class", "").split("\\s+")).contains(cssClass))
                .toList();
    }
}
