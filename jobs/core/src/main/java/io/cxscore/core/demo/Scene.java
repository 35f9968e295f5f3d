package io.cxscore.core.demo;

import io.cxscore.core.demo.ConversationScript.Speaker;
import io.cxscore.core.demo.DemoWorld.Brand;
import io.cxscore.core.demo.DemoWorld.Team;
import io.cxscore.core.demo.DemoWorld.Topic;
import io.cxscore.core.model.Role;
import io.cxscore.core.score.Resolution;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one demo conversation is made of (brand, team, topic, customer, channel) and the verbs
 * scenarios act it out with. Speech goes through here so that channel conventions (e-mail greetings
 * and signatures, agents speaking first on the phone) and placeholder filling happen in one place.
 */
final class Scene {
    static final String AI_QUEUE = "ai-frontline";

    final Dice dice;
    final Brand brand;
    final Topic topic;
    final Team team;
    final String channel;
    final String cohort;
    final CustomerProfile customer;
    final TextSlots slots;
    final ConversationScript script;
    final Speaker ai;
    private final Speaker customerSpeaker;

    private String queue;
    private String finalTeam;
    private Resolution outcome = Resolution.UNRESOLVED;
    private double csatMean = 3;
    private boolean customerHasWritten;
    /** People sign every e-mail the same way; only the greeting line varies. */
    private final String emailSignoff;
    /** An acknowledgement owed to the customer (e.g. "you're verified"), said at the start of the agent's next line. */
    private String pendingPrefix = "";

    Scene(Dice dice, Brand brand, Topic topic, String channel, String cohort, CustomerProfile customer, TextSlots slots,
            ConversationScript script) {
        this.dice = dice;
        this.brand = brand;
        this.topic = topic;
        this.team = brand.team(topic.team());
        this.channel = channel;
        this.cohort = cohort;
        this.customer = customer;
        this.slots = slots;
        this.script = script;
        this.ai = new Speaker(Role.AI_AGENT, brand.aiAgent(), AI_QUEUE, "Support");
        this.customerSpeaker = new Speaker(Role.CUSTOMER, customer.fullName(), null, null);
        this.emailSignoff = dice.pick(customer.company().isEmpty() ? Phrasebook.EMAIL_SIGNOFFS : Phrasebook.EMAIL_SIGNOFFS_BUSINESS);
        this.queue = team.queue("l1");
        this.finalTeam = team.key();
        slots.put("team_label", team.label());
    }

    boolean enterprise() {
        return "enterprise".equals(cohort);
    }

    boolean email() {
        return "email".equals(channel);
    }

    boolean voice() {
        return "voice".equals(channel);
    }

    // ------------------------------------------------------------------ who speaks

    Speaker human(String tier) {
        return humanOf(team, tier);
    }

    Speaker humanOf(Team t, String tier) {
        List<String> names = "l2".equals(tier) ? t.l2() : t.l1();
        return new Speaker(Role.HUMAN_AGENT, dice.pick(names), t.queue(tier), t.label());
    }

    /** A second person from the same queue, for a conversation that bounces back to it. */
    Speaker colleagueOf(Speaker s, Team t, String tier) {
        List<String> names = "l2".equals(tier) ? t.l2() : t.l1();
        for (int tries = 0; tries < 8; tries++) {
            Speaker other = humanOf(t, tier);
            if (!other.author().equals(s.author()) || names.size() == 1) return other;
        }
        return s;
    }

    /** The first agent: the AI agent with the given share, less often for enterprise customers who pay for people. */
    Speaker frontline(double aiShare) {
        return dice.chance(enterprise() ? aiShare * 0.4 : aiShare) ? ai : human("l1");
    }

    /** Where the conversation sits now; the record's queue and team are where it ended up. */
    void startIn(Speaker first) {
        queue = first.queue();
    }

    void startIn(String queueName, String teamKey) {
        queue = queueName;
        finalTeam = teamKey;
    }

    // ------------------------------------------------------------------ speech

    /** The customer's first contact and the agent's first reply, in the order the channel has them. */
    void open(Speaker agent, String ask, Mood mood, String ack) {
        open(agent, ask, mood, ack, null);
    }

    /** As {@link #open(Speaker, String, Mood, String)}, with the agent's greeting given instead of drawn. */
    void open(Speaker agent, String ask, Mood mood, String ack, String greeting) {
        if (voice()) {
            agent(agent, dice.pick(agent.role() == Role.AI_AGENT ? Phrasebook.VOICE_GREETINGS_AI : Phrasebook.VOICE_GREETINGS_HUMAN));
            customer(composeAsk(ask, mood));
            agent(agent, ack);
            return;
        }
        String composed = composeAsk(ask, mood);
        // chat users often hit enter mid-thought and send the details as a second message
        if (!email() && dice.chance(0.25)) {
            customer(composed);
            customer(detail());
        } else {
            customer(composed + (dice.chance(0.5) ? " " + detail() : ""));
        }
        agent(agent, (greeting != null ? greeting : greeting(agent)) + " " + ack);
    }

    void open(Speaker agent, Mood mood) {
        open(agent, dice.pick(topic.asks()), mood, ack());
    }

    String greeting(Speaker agent) {
        if (agent.role() == Role.AI_AGENT) return dice.pick(Phrasebook.AI_GREETINGS);
        return dice.pick(enterprise() ? Phrasebook.HUMAN_GREETINGS_FORMAL : Phrasebook.HUMAN_GREETINGS);
    }

    String ack() {
        return dice.pick(enterprise() ? Phrasebook.ACKS_FORMAL : Phrasebook.ACKS);
    }

    void customer(String text) {
        String body = slots.fill(text);
        if (voice()) {
            String filler = dice.pick(Phrasebook.VOICE_FILLERS);
            body = filler.isEmpty() ? body : filler + continuing(body);
        } else if (email()) {
            body = slots.fill(dice.pick(Phrasebook.EMAIL_OPENINGS)) + "\n\n" + body + "\n\n" + slots.fill(emailSignoff);
        } else if (!customerHasWritten && dice.chance(0.6)) {
            body = dice.pick(Phrasebook.CHAT_GREETINGS) + " " + body;
        }
        customerHasWritten = true;
        script.say(customerSpeaker, body);
    }

    void agent(Speaker agent, String text) {
        slots.put("agent_first", agent.firstName()).put("agent_team", agent.teamLabel());
        String body = slots.fill(text);
        if (email()) {
            if (!startsWithGreeting(body)) body = slots.fill("Hi {first},") + "\n\n" + body;
            body += agent.role() == Role.AI_AGENT
                    ? "\n\n" + agent.author() + "\n" + brand.name() + " Support"
                    : "\n\nBest regards,\n" + agent.author() + "\n" + brand.name() + " " + agent.teamLabel();
        }
        script.say(agent, body);
    }

    /** An agent line as written, without channel dressing: a bot that repeats itself repeats exactly. */
    void agentVerbatim(Speaker agent, String text) {
        script.say(agent, slots.fill(text));
    }

    void note(Speaker agent, String text) {
        script.note(agent, slots.fill(text));
    }

    String composeAsk(String ask, Mood mood) {
        List<String> openers = switch (mood) {
            case FRUSTRATED -> Phrasebook.OPENERS_FRUSTRATED;
            case ANGRY -> Phrasebook.OPENERS_ANGRY;
            default -> Phrasebook.OPENERS_NEUTRAL;
        };
        String opener = dice.pick(openers);
        return opener.isEmpty() ? ask : opener + " " + ask;
    }

    String detail() {
        List<String> details = brand.isStore() ? Phrasebook.STORE_DETAILS : Phrasebook.SAAS_DETAILS;
        if ("billing".equals(team.key()) && dice.chance(0.35)) details = Phrasebook.BILLING_DETAILS;
        else if (!customer.company().isEmpty() && dice.chance(0.25)) details = Phrasebook.BUSINESS_DETAILS;
        return dice.pick(details);
    }

    /** The customer's end of a resolved conversation, and the agent's goodbye. */
    void wrapUp(Speaker agent, boolean relieved) {
        customer(dice.pick(relieved ? Phrasebook.THANKS_RELIEVED : Phrasebook.THANKS_HAPPY));
        if (dice.chance(0.7)) {
            agent(agent, dice.pick(Phrasebook.ANYTHING_ELSE));
            customer(dice.pick(Phrasebook.NOTHING_ELSE));
            if (dice.chance(0.5)) agent(agent, dice.pick(Phrasebook.GOODBYES));
        }
    }

    // ------------------------------------------------------------------ actions and handoffs

    void verify(Speaker agent) {
        agent(agent, dice.pick(Phrasebook.VERIFY_ASKS));
        customer(dice.pick(Phrasebook.VERIFY_REPLIES));
        script.action("verify_identity", "succeeded", Map.of("method", dice.pick("email_and_card", "email_and_name")));
        // the acknowledgement is folded into the agent's next line by lookup() or fix()
        pendingPrefix = dice.pick(Phrasebook.VERIFIED) + " ";
    }

    void lookup(Speaker agent) {
        if (brand.isStore() && dice.chance(0.7)) {
            agent(agent, takePrefix() + dice.pick(Phrasebook.ORDER_LOOKUP_LINES));
            script.action("lookup_order", "succeeded", Map.of("order_id", slots.get("order")));
        } else {
            agent(agent, takePrefix() + dice.pick(Phrasebook.LOOKUP_LINES));
            script.action("lookup_account", "succeeded", Map.of("email", customer.email()));
        }
    }

    /** Takes the topic's action, then tells the customer what was done. */
    void fix(Speaker agent, String before) {
        script.action(topic.action(), "succeeded", actionParams());
        agent(agent, takePrefix() + before + slots.fill(dice.pick(topic.fixes())));
    }

    void fix(Speaker agent) {
        fix(agent, "");
    }

    Map<String, String> actionParams() {
        Map<String, String> params = new TreeMap<>();
        topic.params().forEach((name, template) -> params.put(name, slots.fill(template)));
        return params;
    }

    void transfer(String toQueue, String toTeam, String reason) {
        script.transfer(queue, toQueue, reason);
        queue = toQueue;
        finalTeam = toTeam;
    }

    String takePrefix() {
        String p = pendingPrefix;
        pendingPrefix = "";
        return p;
    }

    // ------------------------------------------------------------------ outcome

    void outcome(Resolution resolution, double csatMean) {
        this.outcome = resolution;
        this.csatMean = csatMean;
    }

    Resolution outcome() {
        return outcome;
    }

    double csatMean() {
        return csatMean;
    }

    String queue() {
        return queue;
    }

    String finalTeam() {
        return finalTeam;
    }

    /** A sentence continued after a spoken filler ("Yeah, so ..."): lower-cased unless it starts with "I". */
    private static String continuing(String sentence) {
        if (sentence.startsWith("I ") || sentence.startsWith("I'")) return sentence;
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static boolean startsWithGreeting(String s) {
        return s.startsWith("Hi") || s.startsWith("Hello") || s.startsWith("Hey") || s.startsWith("Good") || s.startsWith("Dear");
    }

    enum Mood { NEUTRAL, FRUSTRATED, ANGRY }
}
