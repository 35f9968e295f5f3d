package io.cxscore.publish.gaps;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Moves gaps through new → ongoing → resolved → regressed, relative to the data's latest day and
 * never the wall clock, so re-running on the same data gives the same states.
 *
 * <p>A gap's days seen split into episodes wherever it went unseen for more than N days
 * ({@link LifecyclePolicy#resolveAfterDays()}); it was resolved N days after each episode's last day.
 * At the data's latest day a gap is resolved when its last day is N or more days back; otherwise it
 * is new (or regressed, when an earlier episode was resolved) during the fresh window after its
 * current episode began, and ongoing after that. Resolutions the state file remembers count too, so a
 * gap that returns after the data's older days were dropped still regresses.
 *
 * <p>Updates are announced for a gap the state file has not recorded (unless it is already resolved)
 * and for every change into new, resolved or regressed. Each update's id comes from the data alone,
 * and an id announced before is never announced again.
 */
public final class GapLifecycle {
    private static final Set<GapState> ANNOUNCED_ON_CHANGE = Set.of(GapState.NEW, GapState.RESOLVED, GapState.REGRESSED);

    /**
     * @param statuses every gap of the build and every gap earlier runs recorded, worst first
     * @param announced the updates this run announced, oldest state first
     * @param next the snapshot to save for the next run
     */
    public record Result(Optional<LocalDate> dataAsOf, List<GapStatus> statuses, List<GapUpdate> announced,
                         GapStateFile.Snapshot next) {
        public Result {
            statuses = List.copyOf(statuses);
            announced = List.copyOf(announced);
        }
    }

    private final LifecyclePolicy policy;

    public GapLifecycle(LifecyclePolicy policy) {
        this.policy = policy;
    }

    public Result assess(GapCatalog catalog, GapStateFile.Snapshot previous) {
        Optional<LocalDate> asOfOrEmpty = catalog.dataAsOf().or(previous::dataAsOf);
        if (asOfOrEmpty.isEmpty()) return new Result(Optional.empty(), List.of(), List.of(), previous);
        LocalDate asOf = asOfOrEmpty.get();

        Set<String> announcedBefore = new HashSet<>();
        previous.updates().forEach(u -> announcedBefore.add(u.id()));
        List<GapStatus> statuses = new ArrayList<>();
        List<GapUpdate> announced = new ArrayList<>();
        Map<String, GapRecord> records = new TreeMap<>();

        for (Gap gap : catalog.gaps()) {
            GapRecord stored = previous.gaps().get(gap.id());
            Assessment a = assess(gap.seenOn(), stored, asOf);
            GapStatus status = new GapStatus(gap.id(), gap.title(), gap.owner(), a.state, a.since,
                    Optional.ofNullable(stored).map(GapRecord::state), gap.lastSeen(), Optional.of(gap));
            statuses.add(status);
            records.put(gap.id(), new GapRecord(gap.id(), gap.title(), gap.owner(), gap.category(), gap.subcategory(),
                    a.state, a.since, gap.firstSeen(), gap.lastSeen(), gap.conversations(), a.resolutions));
            announcement(status, stored, a.episodeStart).ifPresent(kind -> {
                GapUpdate u = new GapUpdate(gap.id(), gap.title(), gap.owner(), kind.state, kind.since, asOf,
                        gap.category(), gap.subcategory(), gap.conversations(), gap.meanCxAffected(), gap.meanCxRest(),
                        gap.cxImpact(), gap.firstSeen(), gap.lastSeen(), gap.exampleConversationIds());
                if (announcedBefore.add(u.id())) announced.add(u);
            });
        }

        // gaps only earlier runs saw: the data no longer holds their days, the state file does
        for (GapRecord stored : previous.gaps().values()) {
            if (records.containsKey(stored.gapId())) continue;
            GapState state = stored.state();
            LocalDate since = stored.since();
            List<LocalDate> resolutions = stored.resolutions();
            if (state != GapState.RESOLVED && ChronoUnit.DAYS.between(stored.lastSeen(), asOf) >= policy.resolveAfterDays()) {
                state = GapState.RESOLVED;
                since = stored.lastSeen().plusDays(policy.resolveAfterDays());
                TreeSet<LocalDate> all = new TreeSet<>(resolutions);
                all.add(since);
                resolutions = List.copyOf(all);
                GapUpdate u = new GapUpdate(stored.gapId(), stored.title(), stored.owner(), state, since, asOf,
                        stored.category(), stored.subcategory(), stored.conversations(), null, null, null,
                        stored.firstSeen(), stored.lastSeen(), List.of());
                if (announcedBefore.add(u.id())) announced.add(u);
            }
            records.put(stored.gapId(), new GapRecord(stored.gapId(), stored.title(), stored.owner(), stored.category(),
                    stored.subcategory(), state, since, stored.firstSeen(), stored.lastSeen(), stored.conversations(),
                    resolutions));
            statuses.add(new GapStatus(stored.gapId(), stored.title(), stored.owner(), state, since,
                    Optional.of(stored.state()), stored.lastSeen(), Optional.empty()));
        }

        announced.sort(Comparator.comparing(GapUpdate::since).thenComparing(GapUpdate::gapId));
        statuses.sort(Comparator.comparing((GapStatus s) -> s.state() == GapState.RESOLVED)
                .thenComparing(s -> -s.gap().map(Gap::conversations).orElse(0L))
                .thenComparing(GapStatus::gapId));
        List<GapUpdate> allUpdates = new ArrayList<>(previous.updates());
        allUpdates.addAll(announced);
        return new Result(Optional.of(asOf), statuses, announced,
                new GapStateFile.Snapshot(Optional.of(asOf), records, allUpdates));
    }

    private record Assessment(GapState state, LocalDate since, LocalDate episodeStart, List<LocalDate> resolutions) {}

    private record Announcement(GapState state, LocalDate since) {}

    private Assessment assess(List<LocalDate> seenOn, GapRecord stored, LocalDate asOf) {
        if (seenOn.isEmpty()) throw new IllegalArgumentException("a gap in mart_gaps has no day seen");
        int n = policy.resolveAfterDays();
        TreeSet<LocalDate> resolutions = new TreeSet<>(stored == null ? List.of() : stored.resolutions());
        List<LocalDate> days = seenOn.stream().sorted().toList();
        LocalDate episodeStart = days.get(0);
        for (int i = 1; i < days.size(); i++) {
            if (ChronoUnit.DAYS.between(days.get(i - 1), days.get(i)) > n) {
                resolutions.add(days.get(i - 1).plusDays(n));
                episodeStart = days.get(i);
            }
        }
        LocalDate lastSeen = days.get(days.size() - 1);
        if (ChronoUnit.DAYS.between(lastSeen, asOf) >= n) {
            LocalDate since = lastSeen.plusDays(n);
            resolutions.add(since);
            return new Assessment(GapState.RESOLVED, since, episodeStart, List.copyOf(resolutions));
        }
        LocalDate start = episodeStart;
        boolean resolvedBefore = resolutions.stream().anyMatch(r -> !r.isAfter(start));
        boolean fresh = ChronoUnit.DAYS.between(episodeStart, asOf) < policy.freshForDays();
        GapState state = fresh ? (resolvedBefore ? GapState.REGRESSED : GapState.NEW) : GapState.ONGOING;
        LocalDate since = fresh ? episodeStart : episodeStart.plusDays(policy.freshForDays());
        return new Assessment(state, since, episodeStart, List.copyOf(resolutions));
    }

    private static Optional<Announcement> announcement(GapStatus status, GapRecord stored, LocalDate episodeStart) {
        if (stored == null) {
            return status.state() == GapState.RESOLVED ? Optional.empty()
                    : Optional.of(new Announcement(status.state(), status.since()));
        }
        if (stored.state() == status.state()) return Optional.empty();
        if (ANNOUNCED_ON_CHANGE.contains(status.state())) return Optional.of(new Announcement(status.state(), status.since()));
        // resolved last run and back past its fresh window now: the owner has still to hear it regressed
        if (stored.state() == GapState.RESOLVED) return Optional.of(new Announcement(GapState.REGRESSED, episodeStart));
        return Optional.empty();
    }

    /** The statuses grouped by owner team, teams in name order. */
    public static Map<String, List<GapStatus>> byOwner(List<GapStatus> statuses) {
        Map<String, List<GapStatus>> byOwner = new TreeMap<>();
        for (GapStatus s : statuses) byOwner.computeIfAbsent(s.owner().team(), k -> new ArrayList<>()).add(s);
        return new LinkedHashMap<>(byOwner);
    }
}
