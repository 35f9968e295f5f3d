package io.cxscore.core.ingest;

import io.cxscore.core.eval.HoldoutSplit;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.HumanLabels;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the frustration-annotated TWCS threads ({@code dprocessed.txt}): blank-line-separated dialogues,
 * each a header {@code ---- [tweet ids] ----} followed by {@code USER: text {a,b,c}} and {@code SUPP: text} lines.
 *
 * <p>{@code ///} joins tweets of one side into one turn; they become separate lines of one message. The three
 * annotators' 0..4 ratings become {@code turns[i]["frustration"]}, leaving out {@code n} (not applicable) and
 * empty slots. The header's tweet ids go to metadata {@code tweet_ids}. The brand is the first non-numeric
 * {@code @handle} in the thread, because TWCS anonymised customers as numbers but kept brand handles.
 * The file has no dialogue ids, so a dialogue is {@code twcs-<ordinal>} with the ordinal as its split key.
 */
public final class TwcsReader extends TextBlockConversationReader {
    public static final String FORMAT = "twcs";
    private static final String SOURCE = "twcs";
    private static final Pattern HEADER = Pattern.compile("^-{3,}\\s*\\[([^\\]]*)]\\s*-{3,}\\s*$");
    private static final Pattern RATINGS = Pattern.compile("\\{([^{}]*)}\\s*$");
    private static final Pattern MENTION = Pattern.compile("@(\\w+)");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected BlockMapper mapperFor(Path file) {
        return new BlockMapper() {
            @Override
            public String idOf(TextBlockSource.Block block) {
                return SOURCE + "-" + block.ordinal();
            }

            @Override
            public Conversation map(TextBlockSource.Block block) {
                return dialogue(block, idOf(block));
            }
        };
    }

    private static Conversation dialogue(TextBlockSource.Block block, String id) {
        List<String> lines = block.lines();
        Matcher header = HEADER.matcher(lines.get(0));
        if (!header.matches()) {
            throw new LineFault(0, "header", "a dialogue must start with a '---- [tweet ids] ----' line");
        }
        List<Message> messages = new ArrayList<>();
        Map<Integer, Map<String, List<Integer>>> turnVotes = new LinkedHashMap<>();
        String brand = null;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String text;
            Role role;
            if (line.startsWith("USER:")) {
                role = Role.CUSTOMER;
                Matcher r = RATINGS.matcher(line);
                if (!r.find()) throw new LineFault(i, "frustration", "a USER line must end with the ratings {a,b,c}");
                List<Integer> votes = votes(r.group(1), i);
                if (!votes.isEmpty()) turnVotes.put(messages.size(), Map.of("frustration", votes));
                text = line.substring("USER:".length(), r.start());
            } else if (line.startsWith("SUPP:")) {
                role = Role.HUMAN_AGENT;
                text = line.substring("SUPP:".length());
            } else if (HEADER.matcher(line).matches()) {
                throw new LineFault(i, "header", "a second dialogue header without a blank line before it");
            } else {
                throw new LineFault(i, "role", "a turn line must start with 'USER:' or 'SUPP:'");
            }
            text = joinTweets(text);
            if (brand == null) brand = brandHandle(text);
            messages.add(new Message(messages.size(), role, null, text, null, true));
        }
        if (messages.isEmpty()) throw new LineFault(0, "turns", "the dialogue has a header but no turns");
        Map<String, String> metadata = Map.of(HoldoutSplit.KEY, Integer.toString(block.ordinal()),
                "tweet_ids", header.group(1).replace(" ", ""));
        return new Conversation(id, SOURCE, "twitter", brand, null, null, null, null, null, messages, null, null, null,
                metadata, new HumanLabels(Map.of(), Map.copyOf(turnVotes)));
    }

    private static String joinTweets(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : text.split("///")) {
            if (!p.isBlank()) parts.add(p.strip());
        }
        return String.join("\n", parts);
    }

    private static String brandHandle(String text) {
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            if (!m.group(1).chars().allMatch(Character::isDigit)) return m.group(1);
        }
        return null;
    }

    private static List<Integer> votes(String slots, int line) {
        String[] parts = slots.split(",", -1);
        if (parts.length != 3) {
            throw new LineFault(line, "frustration", "expected 3 annotator slots {a,b,c}, found {" + slots + "}");
        }
        List<Integer> out = new ArrayList<>();
        for (String p : parts) {
            String v = p.trim();
            if (v.isEmpty() || v.equals("n")) continue;
            try {
                int r = Integer.parseInt(v);
                if (r < 0 || r > 4) throw new NumberFormatException();
                out.add(r);
            } catch (NumberFormatException e) {
                throw new LineFault(line, "frustration", "rating '" + v + "' is not 0..4, 'n' or empty");
            }
        }
        return List.copyOf(out);
    }
}
