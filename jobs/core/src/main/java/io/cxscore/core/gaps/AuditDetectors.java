package io.cxscore.core.gaps;

import io.cxscore.core.gaps.GapClassifierSettings.Cue;
import io.cxscore.core.gaps.GapClassifierSettings.Rule;
import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.model.Transfer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic audits: facts about the record that need no judge. Each finding's found_by is
 * {@code detector:<name>}: bot_loop, duplicate_reply, wrong_personalization, claimed_action, rephrase,
 * ping_pong and failed_action.
 */
final class AuditDetectors {
    static final String PREFIX = "detector:";
    /** "Hi Dana," / "Dear Dana" / "Thanks Dana" at the start of a sentence: the name an agent addresses. */
    private static final Pattern GREETING = Pattern.compile(
            "(?:^|[\\n.!?]\\s*)(?i:hi|hello|hey|dear|morning|good morning|good afternoon|good evening|thanks|thank you)[ ,]+(\\p{Lu}\\p{Ll}{1,20})\\b(?!\\s+(?:here|from|speaking)\\b)");
    private static final Set<String> NOT_NAMES = Set.of("there", "team", "all", "again", "everyone", "folks", "friend", "sir",
            "madam", "so", "for", "very", "a", "guys", "both", "you", "and", "mate", "customer", "valued");
    /** An author field that is a full name ("Dana Smith"), not a handle or a first name alone. */
    private static final Pattern FULL_NAME = Pattern.compile("\\p{Lu}[\\p{L}'-]+(\\s+\\p{Lu}[\\p{L}'-]+)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern AUTHOR_WORDS = Pattern.compile("[\\s(]+");
    private static final Pattern CAPITALISED = Pattern.compile("\\b(\\p{Lu}\\p{Ll}{1,20})\\b");

    private AuditDetectors() {}

    static void run(ConversationCues c, FindingSet out, String subject) {
        botLoop(c, out, subject);
        duplicateReply(c, out, subject);
        wrongPersonalization(c, out);
        claimedAction(c, out);
        rephrase(c, out, subject);
        pingPong(c, out);
        failedActions(c, out);
    }

    /** An AI agent saying the same again, or answering an auto-responder: a bot in a loop. */
    private static void botLoop(ConversationCues c, FindingSet out, String subject) {
        GapClassifierSettings s = c.settings;
        List<TurnCues> ai = c.agentTurns.stream().filter(t -> t.role == Role.AI_AGENT).toList();
        TreeSet<Integer> repeats = new TreeSet<>();
        for (int j = 1; j < ai.size(); j++) {
            TurnCues later = ai.get(j);
            if (later.content.size() < s.minContentWords) continue;
            for (int i = 0; i < j; i++) {
                if (later.overlap(ai.get(i)) >= s.repeatOverlap) {
                    repeats.add(ai.get(i).index);
                    repeats.add(later.index);
                }
            }
        }
        if (!repeats.isEmpty()) {
            out.add("routing", "bot_loop", Rule.BOT_LOOP, new ArrayList<>(repeats), PREFIX + "bot_loop", subject,
                    "The AI agent sent the same reply " + repeats.size() + " times instead of moving the conversation on.");
        }
        for (TurnCues t : c.customerTurns) {
            if (!t.has(Cue.AUTO_RESPONDER)) continue;
            TurnCues reply = c.nextAgentTurn(t.index);
            if (reply != null) {
                out.add("routing", "bot_loop", Rule.AUTO_RESPONDER, List.of(t.index, reply.index), PREFIX + "bot_loop",
                        subject, "An agent answered an auto-responder: bots talking to bots.");
            }
        }
    }

    /** A human agent posting a reply word for word again: a canned reply, not an answer. */
    private static void duplicateReply(ConversationCues c, FindingSet out, String subject) {
        List<String> seen = new ArrayList<>();
        List<TurnCues> seenTurns = new ArrayList<>();
        for (TurnCues t : c.agentTurns) {
            String norm = String.join(" ", t.tokens);
            // short stock lines ("one moment please") are fine to repeat: only a reply with substance counts
            int at = t.content.size() >= c.settings.minContentWords ? seen.indexOf(norm) : -1;
            if (at >= 0) {
                TurnCues first = seenTurns.get(at);
                boolean bothAi = first.role == Role.AI_AGENT && t.role == Role.AI_AGENT;
                if (!bothAi) {
                    out.add("tone", "robotic", Rule.DUPLICATE_REPLY, List.of(first.index, t.index),
                            PREFIX + "duplicate_reply", subject, "An agent sent the same reply twice, word for word.");
                }
            }
            seen.add(norm);
            seenTurns.add(t);
        }
    }

    /**
     * A reply addressed to a name, or naming a plan, that is not the customer's. Only checked when the
     * customer's own name is known from the record (a personal-name author), so an unknown name is never a finding.
     */
    private static void wrongPersonalization(ConversationCues c, FindingSet out) {
        Set<String> customerNames = new HashSet<>();
        Set<String> agentNames = new HashSet<>();
        Set<String> customerPlans = new HashSet<>();
        for (Message m : c.conversation.messages()) {
            if (m.role() == Role.CUSTOMER) {
                if (m.author() != null && FULL_NAME.matcher(m.author()).matches()) {
                    for (String w : SPACES.split(m.author())) customerNames.add(w.toLowerCase(Locale.ROOT));
                }
                TurnCues turn = c.turn(m.index());
                customerPlans.addAll(plansIn(turn != null ? turn.tokens : GapTokens.tokens(m.text()), c.settings.plans));
            } else if (m.role().isAgent() && m.author() != null) {
                for (String w : AUTHOR_WORDS.split(m.author())) agentNames.add(w.toLowerCase(Locale.ROOT));
            }
        }
        Set<String> mentioned = null; // the names the customer wrote: read only when a greeting names someone else
        for (TurnCues t : c.agentTurns) {
            if (!customerNames.isEmpty()) {
                Matcher g = GREETING.matcher(t.message.text());
                while (g.find()) {
                    String name = g.group(1).toLowerCase(Locale.ROOT);
                    if (NOT_NAMES.contains(name) || customerNames.contains(name) || agentNames.contains(name)) continue;
                    if (mentioned == null) mentioned = namesWritten(c);
                    if (mentioned.contains(name)) continue;
                    out.add("tone", "robotic", Rule.WRONG_PERSONALIZATION, List.of(t.index),
                            PREFIX + "wrong_personalization", "personalization",
                            "The agent addressed the customer as '" + g.group(1) + "', which is not the customer's name.");
                }
            }
            if (!customerPlans.isEmpty()) {
                for (String plan : yourPlans(t.tokens, c.settings.plans)) {
                    if (customerPlans.contains(plan)) continue;
                    out.add("tone", "robotic", Rule.WRONG_PERSONALIZATION, List.of(t.index),
                            PREFIX + "wrong_personalization", "personalization",
                            "The agent named the " + plan + " plan, which is not the plan the customer said they are on.");
                }
            }
        }
    }

    /** Capitalised words in the customer's messages, lowercased: names the customer used, their own or others'. */
    private static Set<String> namesWritten(ConversationCues c) {
        Set<String> out = new HashSet<>();
        for (Message m : c.conversation.messages()) {
            if (m.role() != Role.CUSTOMER) continue;
            Matcher cap = CAPITALISED.matcher(m.text());
            while (cap.find()) out.add(cap.group(1).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Plan names written as "<plan> plan". */
    private static Set<String> plansIn(List<String> tokens, Set<String> plans) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i + 1).equals("plan") && plans.contains(tokens.get(i))) out.add(tokens.get(i));
        }
        return out;
    }

    /** Plan names the agent attributes to the customer: "your <plan> plan". */
    private static Set<String> yourPlans(List<String> tokens, Set<String> plans) {
        Set<String> out = new HashSet<>();
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i - 1).equals("your") && tokens.get(i + 1).equals("plan") && plans.contains(tokens.get(i))) out.add(tokens.get(i));
        }
        return out;
    }

    /** "I've refunded you" with no action in the log that did it. Skipped for sources that log no actions. */
    private static void claimedAction(ConversationCues c, FindingSet out) {
        if (!c.logsActions) return;
        for (TurnCues t : c.agentTurns) {
            if (!t.has(Cue.CLAIM)) continue;
            boolean backed = false;
            for (AgentAction a : c.conversation.actions()) {
                if (c.isEffecting(a) && a.afterMessage() <= t.index) {
                    backed = true;
                    break;
                }
            }
            if (!backed) {
                out.add("tool", "action_claimed_not_taken", Rule.CLAIMED_ACTION, List.of(t.index),
                        PREFIX + "claimed_action", "claimed action",
                        "The agent said an action was done, and the record holds no action that did it.");
            }
        }
    }

    /**
     * The customer restating the same request to an AI agent, again and again, with no handover after:
     * the bot should have passed the conversation to someone who could help.
     */
    private static void rephrase(ConversationCues c, FindingSet out, String subject) {
        GapClassifierSettings s = c.settings;
        List<Integer> restated = new ArrayList<>();
        for (int j = 1; j < c.customerTurns.size(); j++) {
            TurnCues later = c.customerTurns.get(j);
            if (later.content.size() < s.minContentWords) continue;
            for (int i = 0; i < j; i++) {
                if (later.overlap(c.customerTurns.get(i)) >= s.rephraseOverlap) {
                    restated.add(later.index);
                    break;
                }
            }
        }
        if (restated.size() < s.rephraseMinTurns) return;
        int first = restated.get(0);
        for (TurnCues t : c.agentTurns) if (t.index > first && t.role != Role.AI_AGENT) return;
        for (Transfer tr : c.conversation.transfers()) if (tr.afterMessage() >= first) return;
        out.add("routing", "missed_escalation", Rule.REPHRASE_AI, restated, PREFIX + "rephrase", subject,
                "The customer restated the same request " + restated.size() + " times to the AI agent and was never handed over.");
    }

    /** Transferred back to a queue it had already left, or transferred many times. */
    private static void pingPong(ConversationCues c, FindingSet out) {
        List<Transfer> transfers = c.conversation.transfers();
        if (transfers.size() < 2) return;
        List<String> path = new ArrayList<>();
        if (transfers.get(0).fromQueue() != null) path.add(transfers.get(0).fromQueue());
        boolean revisited = false;
        for (Transfer t : transfers) {
            if (t.toQueue() == null) continue;
            if (path.contains(t.toQueue()) && !t.toQueue().equals(path.get(path.size() - 1))) revisited = true;
            path.add(t.toQueue());
        }
        if (!revisited && transfers.size() < c.settings.pingPongMinTransfers) return;
        List<Integer> evidence = new ArrayList<>();
        for (Transfer t : transfers) evidence.add(Math.min(t.afterMessage() + 1, c.conversation.messages().size() - 1));
        out.add("routing", "ping_pong", Rule.PING_PONG, evidence, PREFIX + "ping_pong", String.join(" > ", path),
                "The conversation was transferred " + transfers.size() + " times: " + String.join(" > ", path) + ".");
    }

    private static void failedActions(ConversationCues c, FindingSet out) {
        for (AgentAction a : c.conversation.actions()) {
            if (!a.failed()) continue;
            List<Integer> evidence = new ArrayList<>();
            if (a.afterMessage() >= 0) evidence.add(a.afterMessage());
            TurnCues next = c.nextAgentTurn(a.afterMessage());
            if (next != null) evidence.add(next.index);
            String error = a.params().get("error");
            out.add("tool", "action_failed", Rule.FAILED_ACTION, evidence, PREFIX + "failed_action", a.name(),
                    "The action " + a.name() + " failed" + (error == null ? "." : ": " + error + "."));
        }
    }
}
