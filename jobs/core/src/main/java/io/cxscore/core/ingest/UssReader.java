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

/**
 * Reads the User Satisfaction Simulation files ({@code SGD.txt}, {@code ReDial.txt}, {@code CCPE.txt},
 * {@code ReDial-action.txt}): blank-line-separated dialogues, one tab-separated line per turn
 * {@code role, text, dialogue act, comma-separated 1..5 ratings}.
 *
 * <p>The closing {@code USER OVERALL} line is not a message: its votes become the dialogue label
 * {@code satisfaction}. Votes on other USER lines become {@code turns[i]["satisfaction"]} for that message.
 * SGD's system is a virtual assistant (AI agent); in ReDial and CCPE a person plays it (human agent).
 * The files have no ids, so a dialogue is {@code uss-<file>-<ordinal>} with the ordinal as its split key.
 */
public final class UssReader extends TextBlockConversationReader {
    public static final String FORMAT = "uss";
    private static final String SATISFACTION = "satisfaction";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected BlockMapper mapperFor(Path file) {
        String dataset = datasetName(file);
        String source = "uss-" + dataset;
        Role systemRole = dataset.equals("sgd") ? Role.AI_AGENT : Role.HUMAN_AGENT;
        return new BlockMapper() {
            @Override
            public String idOf(TextBlockSource.Block block) {
                return source + "-" + block.ordinal();
            }

            @Override
            public Conversation map(TextBlockSource.Block block) {
                return dialogue(block, idOf(block), source, systemRole);
            }
        };
    }

    private static Conversation dialogue(TextBlockSource.Block block, String id, String source, Role systemRole) {
        List<Message> messages = new ArrayList<>();
        Map<String, List<Integer>> dialogueVotes = new LinkedHashMap<>();
        Map<Integer, Map<String, List<Integer>>> turnVotes = new LinkedHashMap<>();
        List<String> lines = block.lines();
        for (int i = 0; i < lines.size(); i++) {
            String[] cols = lines.get(i).split("\t", -1);
            // JDDC adds a fifth column of free-text explanations; nothing else varies
            if (cols.length < 4 || cols.length > 5) {
                throw new TextBlockConversationReader.LineFault(i, "columns",
                        "expected 4 tab-separated columns (role, text, dialogue act, satisfaction), found " + cols.length);
            }
            Role role = switch (cols[0].trim()) {
                case "USER" -> Role.CUSTOMER;
                case "SYSTEM" -> systemRole;
                default -> throw new TextBlockConversationReader.LineFault(i, "role",
                        "role '" + cols[0] + "' is neither USER nor SYSTEM");
            };
            List<Integer> votes = role == Role.CUSTOMER ? votes(cols[3], i) : List.of();
            if (role == Role.CUSTOMER && cols[1].trim().equals("OVERALL")) {
                if (!votes.isEmpty()) dialogueVotes.put(SATISFACTION, votes);
                continue;
            }
            if (!votes.isEmpty()) turnVotes.put(messages.size(), Map.of(SATISFACTION, votes));
            messages.add(new Message(messages.size(), role, null, cols[1], null, true));
        }
        if (messages.isEmpty()) {
            throw new TextBlockConversationReader.LineFault(0, "text", "the dialogue has no turns besides OVERALL");
        }
        return new Conversation(id, source, null, null, null, null, null, null, null, messages, null, null, null,
                Map.of(HoldoutSplit.KEY, Integer.toString(block.ordinal())),
                new HumanLabels(Map.copyOf(dialogueVotes), Map.copyOf(turnVotes)));
    }

    private static List<Integer> votes(String column, int line) {
        if (column.isBlank()) return List.of();
        List<Integer> out = new ArrayList<>();
        for (String v : column.split(",")) {
            try {
                int r = Integer.parseInt(v.trim());
                if (r < 1 || r > 5) throw new NumberFormatException();
                out.add(r);
            } catch (NumberFormatException e) {
                throw new TextBlockConversationReader.LineFault(line, "satisfaction",
                        "rating '" + v.trim() + "' is not an integer 1..5 (ratings: '" + column + "')");
            }
        }
        return List.copyOf(out);
    }
}
