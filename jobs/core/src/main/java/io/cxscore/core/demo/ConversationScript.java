package io.cxscore.core.demo;

import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.model.Transfer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records a conversation as it is acted out: messages, transfers and actions in order, each stamped by
 * a clock that advances by waits typical of the channel and of who is speaking. Transfers and actions
 * point at the last message written before them, so {@code after_message} is right by construction.
 */
final class ConversationScript {
    private final Dice dice;
    private final String channel;
    private Instant clock;
    private boolean humanQueueWaitPending = true;
    private final List<Message> messages = new ArrayList<>();
    private final List<Transfer> transfers = new ArrayList<>();
    private final List<AgentAction> actions = new ArrayList<>();

    ConversationScript(Dice dice, String channel, Instant openedAt) {
        this.dice = dice;
        this.channel = channel;
        this.clock = openedAt;
    }

    void say(Speaker speaker, String text) {
        if (!messages.isEmpty()) advance(waitBefore(speaker.role()));
        messages.add(new Message(messages.size(), speaker.role(), speaker.author(), text, clock, true));
        if (speaker.role() == Role.HUMAN_AGENT) humanQueueWaitPending = false;
    }

    /** An internal note: counts for effort and explains handoffs, never shown to the customer. */
    void note(Speaker speaker, String text) {
        advance(dice.between(20, 150));
        messages.add(new Message(messages.size(), speaker.role(), speaker.author(), text, clock, false));
    }

    void transfer(String fromQueue, String toQueue, String reason) {
        advance(dice.between(3, 40));
        transfers.add(new Transfer(clock, fromQueue, toQueue, reason, lastIndex()));
        // whoever picks the conversation up next sits in a queue first
        humanQueueWaitPending = true;
    }

    void action(String name, String status, Map<String, String> params) {
        advance(dice.between(2, 25));
        actions.add(new AgentAction(name, clock, status, lastIndex(), params));
    }

    Instant openedAt() {
        return messages.get(0).at();
    }

    /** When the conversation was closed: a while after the last message, as help desks auto-close. */
    Instant closedAt() {
        long idle = switch (channel) {
            case "email" -> dice.logUniform(3_600, 72 * 3_600);
            case "messaging" -> dice.logUniform(600, 24 * 3_600);
            case "voice" -> dice.between(20, 240);
            default -> dice.logUniform(120, 1_800);
        };
        Instant last = clock;
        for (AgentAction a : actions) if (a.at().isAfter(last)) last = a.at();
        return last.plusSeconds(idle);
    }

    List<Message> messages() {
        return messages;
    }

    List<Transfer> transfers() {
        return transfers;
    }

    List<AgentAction> actions() {
        return actions;
    }

    int lastIndex() {
        return messages.size() - 1;
    }

    private void advance(long seconds) {
        // strictly increasing timestamps, even for a burst of quick messages
        clock = clock.plusSeconds(Math.max(1, seconds));
    }

    private long waitBefore(Role role) {
        return switch (role) {
            case CUSTOMER -> switch (channel) {
                case "email" -> dice.logUniform(600, 26 * 3_600);
                case "messaging" -> dice.logUniform(30, 3 * 3_600);
                case "voice" -> dice.between(3, 25);
                default -> dice.logUniform(10, 240);
            };
            case AI_AGENT -> switch (channel) {
                case "email" -> dice.between(20, 180);
                case "voice" -> dice.between(1, 4);
                default -> dice.between(2, 12);
            };
            case HUMAN_AGENT -> humanWait();
            case SYSTEM -> dice.between(1, 5);
        };
    }

    private long humanWait() {
        if (humanQueueWaitPending) {
            return switch (channel) {
                case "email" -> dice.logUniform(1_800, 30 * 3_600);
                case "messaging" -> dice.logUniform(300, 6 * 3_600);
                case "voice" -> dice.logUniform(30, 900);
                default -> dice.logUniform(60, 1_500);
            };
        }
        return switch (channel) {
            case "email" -> dice.logUniform(900, 9 * 3_600);
            case "messaging" -> dice.logUniform(60, 2_700);
            case "voice" -> dice.between(4, 30);
            default -> dice.logUniform(30, 300);
        };
    }

    /**
     * Who says something: the role decides the waits, the author is what the transcript shows.
     *
     * @param teamLabel the team the speaker introduces themselves with and signs e-mails for
     */
    record Speaker(Role role, String author, String queue, String teamLabel) {
        String firstName() {
            int space = author.indexOf(' ');
            return space < 0 ? author : author.substring(0, space);
        }
    }
}
