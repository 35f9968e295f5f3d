package io.cxscore.core.testing;

import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.model.Transfer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named, deterministic conversation fixtures: {@code Conversations.of("c1").customer("...").ai("...").build()}. */
public final class Conversations {
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    private final String id;
    private final List<Message> messages = new ArrayList<>();
    private final List<Transfer> transfers = new ArrayList<>();
    private final List<AgentAction> actions = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private Instant clock = T0;

    private Conversations(String id) {
        this.id = id;
    }

    public static Conversations of(String id) {
        return new Conversations(id);
    }

    private Conversations say(Role role, String text, long afterSeconds) {
        clock = clock.plusSeconds(afterSeconds);
        messages.add(new Message(messages.size(), role, role.wireName(), text, clock, true));
        return this;
    }

    public Conversations customer(String text) {
        return say(Role.CUSTOMER, text, 60);
    }

    public Conversations ai(String text) {
        return say(Role.AI_AGENT, text, 5);
    }

    public Conversations human(String text) {
        return say(Role.HUMAN_AGENT, text, 120);
    }

    public Conversations humanAfterHours(String text, long hours) {
        return say(Role.HUMAN_AGENT, text, hours * 3600);
    }

    public Conversations note(String text) {
        clock = clock.plusSeconds(10);
        messages.add(new Message(messages.size(), Role.HUMAN_AGENT, "agent", text, clock, false));
        return this;
    }

    public Conversations transfer(String from, String to) {
        transfers.add(new Transfer(clock, from, to, null, messages.size() - 1));
        return this;
    }

    public Conversations action(String name, String status) {
        actions.add(new AgentAction(name, clock, status, messages.size() - 1, Map.of()));
        return this;
    }

    public Conversations metadata(String k, String v) {
        metadata.put(k, v);
        return this;
    }

    public Conversation build() {
        return new Conversation(id, "test", "chat", "acme", "billing", "billing-l1", "smb", T0, clock, messages,
                transfers, actions, null, metadata, null);
    }
}
