package io.cxscore.core.gaps;

import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.model.Transfer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Conversation fixtures for gap tests, with named authors, a source, transfers between named queues and retrieval context. */
final class GapFixtures {
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    private final String id;
    private String source = "cx-jsonl";
    private String customerName = "Dana Reyes";
    private String brand = "Loomwork";
    private String team = "billing";
    private final List<Message> messages = new ArrayList<>();
    private final List<Transfer> transfers = new ArrayList<>();
    private final List<AgentAction> actions = new ArrayList<>();
    private Instant clock = T0;

    private GapFixtures(String id) {
        this.id = id;
    }

    static GapFixtures of(String id) {
        return new GapFixtures(id);
    }

    GapFixtures source(String s) {
        source = s;
        return this;
    }

    GapFixtures customerName(String name) {
        customerName = name;
        return this;
    }

    GapFixtures brand(String b) {
        brand = b;
        return this;
    }

    GapFixtures team(String t) {
        team = t;
        return this;
    }

    private GapFixtures say(Role role, String author, String text, List<String> retrieved) {
        clock = clock.plusSeconds(30);
        messages.add(new Message(messages.size(), role, author, text, clock, true, retrieved));
        return this;
    }

    GapFixtures customer(String text) {
        return say(Role.CUSTOMER, customerName, text, null);
    }

    GapFixtures ai(String text) {
        return say(Role.AI_AGENT, "Ava (AI agent)", text, null);
    }

    GapFixtures aiWithRetrieval(String text, List<String> passages) {
        return say(Role.AI_AGENT, "Ava (AI agent)", text, passages);
    }

    GapFixtures human(String text) {
        return say(Role.HUMAN_AGENT, "Sam Patel", text, null);
    }

    GapFixtures transfer(String from, String to) {
        transfers.add(new Transfer(clock, from, to, null, messages.size() - 1));
        return this;
    }

    GapFixtures action(String name, String status) {
        actions.add(new AgentAction(name, clock, status, messages.size() - 1, Map.of()));
        return this;
    }

    Conversation build() {
        return new Conversation(id, source, "chat", brand, team, team == null ? null : team + "-l1", "smb", T0, clock, messages, transfers, actions,
                null, Map.of(), null);
    }
}
