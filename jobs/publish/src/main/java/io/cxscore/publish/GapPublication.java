package io.cxscore.publish;

import io.cxscore.publish.gaps.EvalCaseExport;
import io.cxscore.publish.gaps.FeedOptions;
import io.cxscore.publish.gaps.GapCatalog;
import io.cxscore.publish.gaps.GapLifecycle;
import io.cxscore.publish.gaps.GapStateFile;
import io.cxscore.publish.gaps.LifecyclePolicy;
import io.cxscore.publish.gaps.Owner;
import io.cxscore.publish.gaps.OwnerFeeds;
import io.cxscore.publish.webhook.WebhookDelivery;
import io.cxscore.publish.webhook.WebhookTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that follows a warehouse build for gaps, in order: the lifecycle (saved to the state
 * file), per-owner feeds, webhooks for owners with one configured, the weekly report and the AI-agent
 * eval cases. With no gap findings in the warehouse every step still runs and writes empty sections.
 *
 * <p>Output layout under {@code out}: {@code gaps/state.json}, {@code gaps/webhook-ledger.jsonl},
 * {@code gaps/webhook-dead-letter.jsonl}, {@code feeds/<owner>/{feed.atom,updates.jsonl,gaps.jsonl}},
 * {@code report/weekly-report.{md,html}} and {@code eval-cases/ai-agent-failures.jsonl}.
 */
public final class GapPublication {
    /** What a run wrote and sent. */
    public record Summary(int gaps, int updatesAnnounced, Map<String, Path> feedFolders, List<WebhookDelivery.Report> webhooks,
                          Path report, Path evalCases, int evalCaseCount, Path stateFile) {}

    /**
     * @param env where webhook URLs and secrets come from (the process environment in the CLI)
     */
    public record Settings(LifecyclePolicy policy, FeedOptions feedOptions, int minSegmentSize,
                           Map<String, String> env, boolean redriveDeadLetters) {}

    private GapPublication() {}

    public static Summary run(Path database, Path dataRoot, Path out, Settings settings)
            throws SQLException, IOException, InterruptedException {
        Path stateFile = out.resolve("gaps/state.json");
        GapCatalog catalog = GapCatalog.read(database);
        GapLifecycle.Result lifecycle = new GapLifecycle(settings.policy()).assess(catalog, GapStateFile.load(stateFile));

        OwnerFeeds.Written feeds = new OwnerFeeds(settings.feedOptions())
                .write(out.resolve("feeds"), lifecycle, lifecycle.next().updates(), catalog, dataRoot);

        List<WebhookDelivery.Report> webhooks = new ArrayList<>();
        Map<String, Owner> owners = new LinkedHashMap<>();
        lifecycle.next().updates().forEach(u -> owners.putIfAbsent(u.owner().team(), u.owner()));
        WebhookDelivery delivery = null;
        for (Owner owner : owners.values()) {
            Optional<WebhookTarget> target = WebhookTarget.fromEnvironment(owner, settings.env());
            if (target.isEmpty()) continue;
            if (delivery == null) {
                delivery = WebhookDelivery.standard(out.resolve("gaps/webhook-ledger.jsonl"),
                        out.resolve("gaps/webhook-dead-letter.jsonl"));
            }
            webhooks.add(delivery.deliver(target.get(), lifecycle.next().updates().stream()
                    .filter(u -> u.owner().team().equals(owner.team())).toList(), settings.redriveDeadLetters()));
        }
        // the state is saved only after the feeds are written: a crash before re-announces, never loses, an update
        GapStateFile.save(stateFile, lifecycle.next());

        Path report = new WeeklyReport(database, dataRoot, lifecycle, settings.minSegmentSize()).writeTo(out.resolve("report"));
        Path evalCases = out.resolve("eval-cases/ai-agent-failures.jsonl");
        int cases = new EvalCaseExport(settings.feedOptions()).write(evalCases, database, dataRoot);
        return new Summary(catalog.gaps().size(), lifecycle.announced().size(), feeds.folders(), webhooks, report,
                evalCases, cases, stateFile);
    }
}
