package io.cxscore.publish.gaps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One folder per owner under the feeds folder ({@code out/feeds/<owner>/}) holding:
 * <ul>
 *   <li>{@code feed.atom}: an RFC 4287 Atom feed of the owner's gap updates, newest first; each
 *       entry's id is the update's name-based UUID, so a reader never sees the same update twice;</li>
 *   <li>{@code updates.jsonl}: the same updates, one JSON object a line, oldest first;</li>
 *   <li>{@code gaps.jsonl}: every gap the owner has now, with its state and weekly trend.</li>
 * </ul>
 * Everything is derived from the data, never the wall clock, so the same data writes the same bytes.
 * Conversation text is written only when {@link FeedOptions} has a redactor, and then only redacted.
 */
public final class OwnerFeeds {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT_CHARS = 280;

    /** @param folders the folder written for each owner team */
    public record Written(Map<String, Path> folders) {}

    private final FeedOptions options;

    public OwnerFeeds(FeedOptions options) {
        this.options = options;
    }

    /**
     * @param updates every update ever announced (the state file's), in announcement order
     * @param dataRoot the Parquet warehouse, read for example text only when a redactor is set
     */
    public Written write(Path feedsFolder, GapLifecycle.Result lifecycle, List<GapUpdate> updates,
                         GapCatalog catalog, Path dataRoot) {
        Map<String, Owner> owners = new TreeMap<>();
        lifecycle.statuses().forEach(s -> owners.putIfAbsent(s.owner().team(), s.owner()));
        updates.forEach(u -> owners.putIfAbsent(u.owner().team(), u.owner()));
        Map<String, String> slugs = new HashMap<>();
        for (Owner o : owners.values()) {
            String other = slugs.put(o.slug(), o.team());
            if (other != null) {
                throw new IllegalArgumentException("owner teams '" + other + "' and '" + o.team()
                        + "' map to the same feed folder '" + o.slug() + "'; rename one in owners.yaml");
            }
        }
        Map<String, String> excerpts = excerpts(updates, dataRoot);
        Map<String, Path> folders = new TreeMap<>();
        try {
            for (Owner owner : owners.values()) {
                Path folder = feedsFolder.resolve(owner.slug());
                List<GapUpdate> own = updates.stream().filter(u -> u.owner().team().equals(owner.team())).toList();
                List<GapStatus> gaps = lifecycle.statuses().stream()
                        .filter(s -> s.owner().team().equals(owner.team())).toList();
                AtomicFiles.write(folder.resolve("feed.atom"), atom(owner, own, lifecycle, excerpts));
                AtomicFiles.write(folder.resolve("updates.jsonl"), updatesJsonl(own, excerpts));
                AtomicFiles.write(folder.resolve("gaps.jsonl"), gapsJsonl(gaps, catalog));
                folders.put(owner.team(), folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write feeds under " + feedsFolder + ": " + e.getMessage(), e);
        }
        return new Written(folders);
    }

    /** First customer message of each update's first example conversation, redacted; empty without a redactor. */
    private Map<String, String> excerpts(List<GapUpdate> updates, Path dataRoot) {
        if (!options.includesText() || dataRoot == null) return Map.of();
        Set<String> ids = new LinkedHashSet<>();
        updates.forEach(u -> u.exampleConversationIds().stream().findFirst().ifPresent(ids::add));
        try {
            Map<String, String> excerpts = new HashMap<>();
            ConversationTranscripts.read(dataRoot, ids).forEach((id, messages) -> messages.stream()
                    .filter(m -> "customer".equals(m.role()) && m.text() != null).findFirst()
                    .ifPresent(m -> excerpts.put(id, truncate(options.redact(m.text())))));
            return excerpts;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read example conversations under " + dataRoot + ": " + e.getMessage(), e);
        }
    }

    private String atom(Owner owner, List<GapUpdate> own, GapLifecycle.Result lifecycle, Map<String, String> excerpts) {
        List<GapUpdate> newestFirst = new ArrayList<>(own);
        newestFirst.sort(Comparator.comparing(GapUpdate::since).thenComparing(GapUpdate::gapId).reversed());
        if (newestFirst.size() > options.maxEntries()) newestFirst = newestFirst.subList(0, options.maxEntries());
        LocalDate feedUpdated = newestFirst.stream().map(GapUpdate::since).max(Comparator.naturalOrder())
                .or(lifecycle::dataAsOf).orElse(LocalDate.EPOCH);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            element(x, "id", "urn:uuid:" + java.util.UUID.nameUUIDFromBytes(
                    ("cx-gap-feed:" + owner.team()).getBytes(StandardCharsets.UTF_8)));
            element(x, "title", "CX gaps for " + owner.team());
            element(x, "subtitle", "Failure gaps owned by " + owner.team()
                    + ": new, resolved and regressed, from the cx pipeline's gap marts.");
            element(x, "updated", timestamp(feedUpdated));
            x.writeStartElement("author");
            element(x, "name", "cx gap feeds");
            x.writeEndElement();
            link(x, "self", "feed.atom");
            element(x, "generator", "cx");
            for (GapUpdate u : newestFirst) {
                x.writeStartElement("entry");
                element(x, "id", "urn:uuid:" + u.uuid());
                element(x, "title", GapUpdateText.headline(u));
                element(x, "updated", timestamp(u.since()));
                element(x, "published", timestamp(u.since()));
                link(x, "alternate", options.linkBase() + "#" + u.gapId());
                x.writeEmptyElement("category");
                x.writeAttribute("term", xmlSafe(u.category() + "/" + u.subcategory()));
                x.writeEmptyElement("category");
                x.writeAttribute("term", "state/" + u.state().wireName());
                String summary = GapUpdateText.summary(u);
                String excerpt = u.exampleConversationIds().isEmpty() ? null : excerpts.get(u.exampleConversationIds().get(0));
                if (excerpt != null) summary += " Example (redacted): \u201c" + excerpt + "\u201d";
                x.writeStartElement("summary");
                x.writeAttribute("type", "text");
                x.writeCharacters(xmlSafe(summary));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed of " + owner.team() + ": " + e.getMessage(), e);
        }
        return out + "\n";
    }

    private String updatesJsonl(List<GapUpdate> own, Map<String, String> excerpts) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (GapUpdate u : own) {
            ObjectNode n = GapStateFile.json(u);
            n.put("entry_id", "urn:uuid:" + u.uuid());
            n.put("headline", GapUpdateText.headline(u));
            n.put("summary", GapUpdateText.summary(u));
            String excerpt = u.exampleConversationIds().isEmpty() ? null : excerpts.get(u.exampleConversationIds().get(0));
            if (excerpt != null) n.put("example_excerpt_redacted", excerpt);
            lines.append(JSON.writeValueAsString(n)).append('\n');
        }
        return lines.toString();
    }

    private static String gapsJsonl(List<GapStatus> gaps, GapCatalog catalog) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (GapStatus s : gaps) {
            ObjectNode n = JSON.createObjectNode();
            n.put("gap_id", s.gapId());
            n.put("title", s.title());
            n.set("owner", GapStateFile.json(s.owner()));
            n.put("state", s.state().wireName());
            n.put("since", s.since().toString());
            n.put("previous_state", s.previousState().map(GapState::wireName).orElse(null));
            n.put("last_seen", s.lastSeen().toString());
            s.gap().ifPresent(g -> {
                n.put("category", g.category());
                n.put("subcategory", g.subcategory());
                n.put("topic", g.topic());
                n.put("subject", g.subject());
                n.put("conversations", g.conversations());
                n.put("instances", g.instances());
                n.put("mean_cx_affected", g.meanCxAffected());
                n.put("mean_cx_rest", g.meanCxRest());
                n.put("cx_impact", g.cxImpact());
                n.put("first_seen", g.firstSeen().toString());
                ArrayNode examples = n.putArray("example_conversation_ids");
                g.exampleConversationIds().forEach(examples::add);
                ObjectNode weekly = n.putObject("weekly_conversations");
                catalog.weeklyConversations().getOrDefault(g.id(), Map.of())
                        .forEach((week, count) -> weekly.put(week.toString(), count));
            });
            lines.append(JSON.writeValueAsString(n)).append('\n');
        }
        return lines.toString();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(xmlSafe(text));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
    }

    /** Text from conversations may hold control characters that XML 1.0 cannot carry, even escaped. */
    private static String xmlSafe(String text) {
        return text.replaceAll("[^\\u0009\\u000A\\u000D\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]", "\uFFFD");
    }

    /** RFC 3339 at midnight UTC: updates happen on days of data, not at wall-clock instants. */
    private static String timestamp(LocalDate day) {
        return DateTimeFormatter.ISO_INSTANT.format(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String truncate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= EXCERPT_CHARS ? oneLine : oneLine.substring(0, EXCERPT_CHARS - 1) + "\u2026";
    }
}
