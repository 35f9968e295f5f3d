package io.cxscore.cli;

import io.cxscore.publish.GapPublication;
import io.cxscore.publish.gaps.FeedOptions;
import io.cxscore.publish.gaps.LifecyclePolicy;
import io.cxscore.publish.webhook.WebhookDelivery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Group gap findings into gaps, move them through their lifecycle, write per-owner feeds (Atom, JSON Lines),"
                + " post webhooks, and write the weekly governance report (Markdown and HTML) and the AI-agent eval cases.",
            "Webhooks go to owners with CX_WEBHOOK_URL_<OWNER> and CX_WEBHOOK_SECRET_<OWNER> (or CX_WEBHOOK_URL and"
                + " CX_WEBHOOK_SECRET) in the environment; owner is the team name upper-cased, non-alphanumerics as _."})
final class ReportCommand implements Callable<Integer> {
    /**
     * Applied to every conversation text before it leaves the pipeline: the PII redactor's pattern
     * detectors (e-mails, cards, IBANs, phones, addresses, account numbers), then every remaining digit
     * masked. Names need the conversation around them, which a feed entry does not carry.
     */
    static final Optional<UnaryOperator<String>> TEXT_REDACTOR = Optional.of(TextRedactors.STANDARD);

    @Option(names = "--warehouse", defaultValue = "out/warehouse", description = "Parquet warehouse root (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", defaultValue = "out/cx.duckdb", description = "DuckDB file built by `cx warehouse` (default: ${DEFAULT-VALUE}).")
    Path database;

    @Option(names = "--out", defaultValue = "out", description = "Folder for gaps/, feeds/, report/ and eval-cases/ (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--resolve-after-days", defaultValue = "14", description = "A gap unseen for this many days of data is resolved (default: ${DEFAULT-VALUE}).")
    int resolveAfterDays;

    @Option(names = "--fresh-days", defaultValue = "7", description = "A gap stays new or regressed this many days (default: ${DEFAULT-VALUE}).")
    int freshDays;

    @Option(names = "--min-n", defaultValue = "30", description = "Segments with fewer scored conversations show as \"too few\" (default: ${DEFAULT-VALUE}).")
    int minN;

    @Option(names = "--redrive-dead-letters", description = "Retry webhook updates that earlier runs dead-lettered.")
    boolean redrive;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(database)) throw new UserFacingException("no DuckDB file at " + database + ": run `cx warehouse` first");
        GapPublication.Summary summary = publish(database, data, out, new LifecyclePolicy(resolveAfterDays, freshDays), minN,
                redrive);
        print(summary);
        return 0;
    }

    static GapPublication.Summary publish(Path database, Path data, Path out, LifecyclePolicy policy, int minN,
                                          boolean redrive) throws Exception {
        FeedOptions feeds = TEXT_REDACTOR.map(FeedOptions.DEFAULT::withRedactor).orElse(FeedOptions.DEFAULT);
        Map<String, String> env = System.getenv();
        return GapPublication.run(database, data, out, new GapPublication.Settings(policy, feeds, minN, env, redrive));
    }

    static void print(GapPublication.Summary s) {
        System.out.printf(Locale.ROOT, "  gaps                  %d (%d new updates)  state %s%n", s.gaps(), s.updatesAnnounced(),
                s.stateFile().toAbsolutePath());
        s.feedFolders().forEach((owner, folder) ->
                System.out.printf(Locale.ROOT, "  feed of %-13s %s%n", owner, folder.toAbsolutePath()));
        for (WebhookDelivery.Report r : s.webhooks()) System.out.printf(Locale.ROOT, "  webhook               %s%n", r.describe());
        System.out.printf(Locale.ROOT, "  weekly report         %s (and .html)%n", s.report().toAbsolutePath());
        System.out.printf(Locale.ROOT, "  AI-agent eval cases   %s (%d cases)%n", s.evalCases().toAbsolutePath(), s.evalCaseCount());
    }
}
