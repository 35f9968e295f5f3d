package io.cxscore.core.demo;

import io.cxscore.core.demo.ConversationScript.Speaker;
import io.cxscore.core.demo.DemoWorld.Team;
import io.cxscore.core.demo.Scene.Mood;
import io.cxscore.core.score.Resolution;
import java.util.List;
import java.util.Map;

/**
 * One script per {@link Scenario}. Each acts a conversation out on a {@link Scene} and states the true
 * outcome, so that transcript, transfers, actions and ground truth always agree.
 */
final class ScenarioScripts {
    private ScenarioScripts() {}

    static void play(Scenario scenario, Scene s) {
        switch (scenario) {
            case AI_RESOLVES -> aiResolves(s);
            case HUMAN_RESOLVES -> humanResolves(s);
            case AI_HANDOFF_HUMAN_RESOLVES -> aiHandoffHumanResolves(s);
            case CORRECT_ESCALATION -> correctEscalation(s);
            case KNOWLEDGE_MISSING_ARTICLE -> knowledgeMissingArticle(s);
            case KNOWLEDGE_OUTDATED_ARTICLE -> knowledgeOutdatedArticle(s);
            case KNOWLEDGE_CONTRADICTORY_ARTICLES -> knowledgeContradictoryArticles(s);
            case PRODUCT_MISSING_CAPABILITY -> productMissingCapability(s);
            case PRODUCT_BUG -> productBug(s);
            case ROUTING_WRONG_QUEUE -> routingWrongQueue(s);
            case ROUTING_PING_PONG -> routingPingPong(s);
            case ROUTING_MISSED_ESCALATION -> routingMissedEscalation(s);
            case ROUTING_NEEDLESS_ESCALATION -> routingNeedlessEscalation(s);
            case ROUTING_BOT_LOOP -> routingBotLoop(s);
            case TONE_APOLOGY_LOOP -> toneApologyLoop(s);
            case TONE_ROBOTIC -> toneRobotic(s);
            case TONE_CONDESCENDING -> toneCondescending(s);
            case TONE_WRONG_REGISTER -> toneWrongRegister(s);
            case POLICY_REFUND_WITHOUT_VERIFICATION -> policyRefundWithoutVerification(s);
            case POLICY_BROKEN_PROMISE -> policyBrokenPromise(s);
            case POLICY_NO_RULE -> policyNoRule(s);
            case TOOL_ACTION_FAILED -> toolActionFailed(s);
            case TOOL_ACTION_MISSING -> toolActionMissing(s);
            case TOOL_CLAIMED_NOT_TAKEN -> toolClaimedNotTaken(s);
        }
    }

    /** The errors a help-desk integration reports; during the outage week the payment provider is down. */
    static final List<String> TOOL_ERRORS = List.of("timeout after 30s", "502 bad gateway from upstream", "internal error (500)",
            "rate limited (429)", "record locked by another process");
    static final String OUTAGE_ERROR = "payment provider unavailable (503)";

    // ================================================================== happy paths

    private static void aiResolves(Scene s) {
        Speaker ai = s.ai;
        s.startIn(ai);
        s.open(ai, s.dice.chance(0.75) ? Mood.NEUTRAL : Mood.FRUSTRATED);
        if (s.topic.needsVerification()) s.verify(ai);
        s.lookup(ai);
        s.fix(ai, s.dice.pick("", "", "Thanks for waiting. ", "All done! "));
        s.wrapUp(ai, false);
        s.outcome(Resolution.RESOLVED, 4.5);
    }

    private static void humanResolves(Scene s) {
        Speaker agent = s.human("l1");
        s.startIn(agent);
        Mood mood = s.dice.pick(Mood.NEUTRAL, Mood.NEUTRAL, Mood.FRUSTRATED);
        s.open(agent, mood);
        if (s.dice.chance(0.35)) {
            s.agent(agent, s.dice.pick("Could you tell me a bit more? When did this start?", "Just so I get this right, is this the first time it's happened?",
                    "Can you share any error message you're seeing?"));
            s.customer(s.dice.pick("It started {days} days ago.", "First time, yes.", "No error, it just doesn't work.",
                    "Since last week, I think.") + (s.dice.chance(0.5) ? " " + s.detail() : ""));
        }
        if (s.topic.needsVerification()) s.verify(agent);
        s.lookup(agent);
        if (s.dice.chance(0.3)) s.note(agent, s.dice.pick("Checked {subject} for {email}; standard fix applies.", "Customer verified, proceeding."));
        s.fix(agent);
        s.wrapUp(agent, mood != Mood.NEUTRAL);
        s.outcome(Resolution.RESOLVED, mood == Mood.NEUTRAL ? 4.6 : 4.1);
    }

    private static void aiHandoffHumanResolves(Scene s) {
        Speaker ai = s.ai;
        s.startIn(ai);
        s.open(ai, s.dice.chance(0.6) ? Mood.NEUTRAL : Mood.FRUSTRATED);
        s.agent(ai, s.dice.pick(
                "This is something a member of our {team_label} team needs to handle. I'm passing you over with everything you've told me, so you won't have to repeat yourself. The current wait is about {wait} minutes.",
                "I'm not able to make this change myself, so I'm handing you to a colleague in {team_label}. They'll see our whole conversation.",
                "Thanks, I've got what I need. A human teammate from {team_label} will take it from here; expected wait is around {wait} minutes."));
        Speaker agent = s.human("l1");
        s.transfer(agent.queue(), s.team.key(), "ai handoff: needs a human for " + s.topic.subject());
        s.agent(agent, s.dice.pick("Hi {first}, {agent_first} here. I've read through your conversation with {ai_first}, so no need to repeat anything.",
                "Hi {first}, thanks for waiting. {agent_first} from {team_label}; I can see the details {ai_first} collected.",
                "Hello {first}, {agent_first} taking over from {ai_first}. I've got the background."));
        if (s.topic.needsVerification()) s.verify(agent);
        s.lookup(agent);
        s.fix(agent);
        s.wrapUp(agent, s.dice.chance(0.4));
        s.outcome(Resolution.RESOLVED, 4.3);
    }

    private static void correctEscalation(Scene s) {
        Speaker l1 = s.human("l1");
        s.startIn(l1);
        s.open(l1, s.dice.chance(0.5) ? Mood.NEUTRAL : Mood.FRUSTRATED);
        s.lookup(l1);
        s.agent(l1, s.dice.pick("I can see what's going on, but fixing it needs access only our second-line {team_label} specialists have. ",
                "This one needs our l2 {team_label} team: they can change things I can't. ",
                "I've checked, and this needs a specialist. ")
                + s.dice.pick("I've escalated it with all the details, so you won't need to explain again. You'll hear from them within {hours} hours.",
                        "I'm escalating it now with my notes; a specialist will contact you within {hours} hours.",
                        "I've passed it on with everything we discussed; expect an update within {hours} hours."));
        s.note(l1, s.dice.pick("Escalating to l2: {subject}, {cohort} customer, account checked, needs l2 access.",
                "L2 please: {subject}. Customer already verified and informed of the {hours}h timeline."));
        Speaker l2 = s.human("l2");
        s.transfer(l2.queue(), s.team.key(), "escalation: needs l2 access");
        s.customer(s.dice.pick("Thanks for letting me know.", "OK, thanks for being clear about it.", "Fine, I'll wait for them."));
        if (s.dice.chance(0.55)) {
            s.agent(l2, s.dice.pick("Hi {first}, {agent_first} from the l2 {team_label} team. I've picked up your case.",
                    "Hello {first}, this is {agent_first}, second-line {team_label}. I have your case and the notes."));
            s.fix(l2, "Good news. ");
            s.wrapUp(l2, true);
            s.outcome(Resolution.RESOLVED, 4.3);
        } else {
            s.agent(l2, s.dice.pick("Hi {first}, {agent_first} from l2 {team_label}. I've picked up your case and I'm reproducing it with engineering; I'll update you by tomorrow.",
                    "Hello {first}, your case is with me now. I need to check a few things with our engineers and will come back to you within a day."));
            s.customer(s.dice.pick("Great, thanks for keeping me posted.", "Thanks, I appreciate the update.", "OK, talk soon."));
            s.outcome(Resolution.ESCALATED, 3.9);
        }
    }

    // ================================================================== knowledge

    private static void knowledgeMissingArticle(Scene s) {
        Speaker agent = s.frontline(0.75);
        s.startIn(agent);
        s.open(agent, Mood.NEUTRAL);
        s.slots.put("tip", s.dice.pick(Phrasebook.GENERIC_TIPS));
        s.agent(agent, s.dice.pick("I searched our help centre but couldn't find anything specific about {subject}. In general, {tip} fixes a lot of issues.",
                "I don't have an article that covers this exactly. You could try {tip}.",
                "I'm not finding documentation on {subject}, sorry. Could you try {tip}?"));
        s.customer(s.dice.pick(Phrasebook.DIDNT_HELP) + " " + s.dice.pick(s.topic.rephrases()));
        s.agent(agent, s.dice.pick("I'm sorry, I don't have more information on this at the moment.",
                "Unfortunately I can't find any guidance on this. Is there anything else I can help with?",
                "I'm afraid there's nothing in our help centre about this yet."));
        s.customer(s.dice.pick("So there's no documentation on this at all? Great.", "How can there be nothing about this?")
                + (s.dice.chance(0.5) ? " " + s.dice.pick(Phrasebook.RESIGNED_EXITS) : ""));
        s.outcome(Resolution.UNRESOLVED, 1.9);
    }

    private static void knowledgeOutdatedArticle(Scene s) {
        Speaker agent = s.frontline(0.7);
        s.startIn(agent);
        s.open(agent, Mood.NEUTRAL);
        s.agent(agent, s.dice.pick("According to our help article \"{article}\", {advice}.",
                "Our guide \"{article}\" says {advice}. Could you give that a try?", "Good news: {advice}, as explained in \"{article}\"."));
        s.customer(s.slots.fill(s.topic.adviceFails()));
        s.agent(agent, s.dice.pick("The article does say {advice}. Could you double-check and try once more?",
                "That's strange, our documentation says {advice}. Maybe try again in a few minutes?",
                "Hmm. Per \"{article}\", {advice}. Could you check again?"));
        s.customer(s.dice.pick("I'm telling you, that's not how it works any more. That article is out of date.",
                "Your article is wrong. " + s.dice.pick(s.topic.rephrases()), "It didn't help. " + s.dice.pick(s.topic.rephrases())));
        s.agent(agent, s.dice.pick("I'm sorry for the trouble. I'll flag the article to our team.",
                "I understand. I don't have any other instructions for this, unfortunately.",
                "Apologies, that's the only guidance I have."));
        if (s.dice.chance(0.5)) s.customer(s.dice.pick(Phrasebook.ANGRY_EXITS));
        s.outcome(Resolution.UNRESOLVED, 2.0);
    }

    private static void knowledgeContradictoryArticles(Scene s) {
        Speaker agent = s.frontline(0.6);
        s.startIn(agent);
        s.open(agent, Mood.NEUTRAL);
        s.agent(agent, s.dice.pick("Per our help centre, {advice}.", "Our documentation says {advice}."));
        s.customer(s.dice.pick("But your article \"{article}\" says {alt_advice}. Which one is right?",
                "That's not what your other page says. It says {alt_advice}.", "Hang on, I read that {alt_advice}. Now I'm confused."));
        s.agent(agent, s.dice.pick("You're right, our articles don't agree on this. I believe {advice}, but I can't confirm it.",
                "Good catch, the two articles say different things. I'd go with the first one, but I'll check with the team.",
                "I see both versions in our help centre. I'm not sure which one is current, sorry."));
        s.customer(s.dice.pick("So I still don't know what's actually true.", "OK... I'll try it, but that's not very reassuring.",
                "Please fix your help pages, this is confusing."));
        s.outcome(Resolution.PARTLY_RESOLVED, 2.6);
    }

    // ================================================================== product

    private static void productMissingCapability(Scene s) {
        Speaker agent = s.frontline(0.5);
        s.startIn(agent);
        String ask = s.dice.pick("Is there a way to {capability}?", "We need to {capability}. How do we set that up?",
                "How can I {capability}? I can't find the option anywhere.");
        s.open(agent, ask, Mood.NEUTRAL, s.ack());
        s.agent(agent, s.dice.pick("I'm afraid {brand} doesn't support that yet: you can't {capability} today.",
                "Unfortunately that isn't possible right now.", "I checked with the team, and there's no way to {capability} at the moment.")
                + s.dice.pick(" A workaround some customers use is to {workaround}.", " For now, you could {workaround}.", ""));
        s.customer(s.enterprise()
                ? s.dice.pick("That is a significant limitation for us; {seats} people are affected.", "We were told during the sales process that this was possible.")
                : s.dice.pick("That's a pain, we really need this.", "Seriously? That seems pretty basic.", "Hm, that's disappointing."));
        s.script.action("log_feature_request", "succeeded", Map.of("request", s.slots.fill("{capability}")));
        s.agent(agent, s.dice.pick("I've logged it as a feature request with our product team.",
                "I've added your vote to the feature request; the product team reviews these monthly."));
        s.customer(s.dice.pick("OK. Not great, but thanks for being honest.", "Fine.", "Please do, we'll have to look at alternatives otherwise."));
        s.outcome(Resolution.UNRESOLVED, 2.6);
    }

    private static void productBug(Scene s) {
        Speaker agent = s.frontline(0.4);
        s.startIn(agent);
        String ask = s.dice.pick("Something's broken: {bug}.", "I think there's a bug, {bug}.", "Since this morning {bug}.",
                "Is this a known issue? {Bug}.");
        s.open(agent, ask, s.dice.chance(0.5) ? Mood.NEUTRAL : Mood.FRUSTRATED, s.ack());
        s.agent(agent, s.dice.pick("Thanks for reporting this. Which browser or device are you using?",
                "Could you tell me what device and browser you're on?"));
        s.customer(s.dice.pick(Phrasebook.DEVICES));
        s.script.action("file_bug_report", "succeeded", Map.of("bug_id", s.slots.get("ref"), "component", s.topic.key()));
        s.agent(agent, s.dice.pick("I can reproduce it, this is a bug on our side. I've reported it to our engineers (reference {ref}).",
                "Thanks. This is a known defect; I've added your report to ticket {ref} with engineering."));
        s.customer(s.dice.pick("So what do I do in the meantime?", "And until then?", "How long will that take?"));
        s.agent(agent, s.dice.pick("For now, you could {workaround}. I'll update you when it's fixed.",
                "There isn't a workaround yet, sorry. We'll e-mail you when the fix ships.", "I can't give you a date, unfortunately."));
        s.customer(s.dice.pick("Fine, but please hurry.", "OK. Not ideal.", "This is really holding us up."));
        s.outcome(Resolution.UNRESOLVED, 2.4);
    }

    // ================================================================== routing

    private static Team otherTeam(Scene s) {
        List<Team> others = s.brand.teams().stream().filter(t -> !t.key().equals(s.team.key())).toList();
        return s.dice.pick(others);
    }

    private static void routingWrongQueue(Scene s) {
        Team wrong = otherTeam(s);
        Speaker first = s.humanOf(wrong, "l1");
        s.startIn(first.queue(), wrong.key());
        s.slots.put("wrong_label", wrong.label());
        s.open(first, s.dice.chance(0.5) ? Mood.NEUTRAL : Mood.FRUSTRATED);
        s.agent(first, s.dice.pick("Hmm, actually this isn't something {wrong_label} handles. Let me transfer you.",
                "Ah, this is one for our {team_label} colleagues. Transferring you now.", "Sorry, you've reached {wrong_label}. I'll move you to the right team."));
        Speaker right = s.human("l1");
        s.transfer(right.queue(), s.team.key(), "wrong queue: belongs to " + s.team.key());
        s.agent(right, s.dice.pick("Hi, {agent_first} from {team_label} here. How can I help you today?",
                "Hello! This is {agent_first}. What can I do for you?", "Hi there, {agent_first} here. What's the issue?"));
        s.customer(s.dice.pick("I already explained everything to your colleague. ", "Again? OK. ", "Didn't they pass on my message? ")
                + s.dice.pick(s.topic.rephrases()));
        if (s.topic.needsVerification()) s.verify(right);
        s.lookup(right);
        s.fix(right);
        s.customer(s.dice.pick("Thanks. It shouldn't take two teams and two explanations though.", "OK, thanks. Finally.",
                "Good. Next time maybe send me to the right place first."));
        s.outcome(Resolution.RESOLVED, 3.2);
    }

    private static void routingPingPong(Scene s) {
        Team wrong = otherTeam(s);
        s.slots.put("wrong_label", wrong.label());
        Speaker a1 = s.humanOf(wrong, "l1");
        s.startIn(a1.queue(), wrong.key());
        s.open(a1, Mood.FRUSTRATED);
        s.agent(a1, "This belongs with {team_label}. I'll transfer you.");
        Speaker b1 = s.human("l1");
        s.transfer(b1.queue(), s.team.key(), "routing: belongs to " + s.team.key());
        s.agent(b1, s.dice.pick("Hi, {agent_first} here. Looking at this, it's actually a {wrong_label} matter, so I'll send you back to them.",
                "Hello, this looks like something for {wrong_label}. Transferring you."));
        Speaker a2 = s.colleagueOf(a1, wrong, "l1");
        s.transfer(a2.queue(), wrong.key(), "routing: belongs to " + wrong.key());
        s.agent(a2, "Hi, {agent_first} from {wrong_label}. How can I help?");
        s.customer(s.dice.pick("I have now explained this three times. ", "You're sending me in circles. ", "Are you serious? ")
                + s.dice.pick(s.topic.rephrases()));
        s.agent(a2, "I see. That's handled by {team_label}, I'll transfer you.");
        Speaker b2 = s.colleagueOf(b1, s.team, "l1");
        s.transfer(b2.queue(), s.team.key(), "routing: belongs to " + s.team.key());
        s.agent(b2, "Hi {first}, {agent_first} here. I've read the history, I'm sorry you've been passed around. I'll keep this with me.");
        if (s.dice.chance(0.5)) {
            if (s.topic.needsVerification()) s.verify(b2);
            s.fix(b2);
            s.customer(s.dice.pick(Phrasebook.THANKS_RELIEVED));
            s.outcome(Resolution.RESOLVED, 2.3);
        } else {
            s.agent(b2, "I'll need to check a couple of things and come back to you by e-mail.");
            s.customer(s.dice.pick(Phrasebook.ANGRY_EXITS));
            s.outcome(Resolution.UNRESOLVED, 1.4);
        }
    }

    private static void routingMissedEscalation(Scene s) {
        Speaker ai = s.ai;
        s.startIn(ai);
        s.open(ai, Mood.FRUSTRATED);
        s.agent(ai, s.dice.pick("Here's what I found: {advice}.", "Good question! {Advice}."));
        s.customer(s.slots.fill(s.topic.adviceFails()) + " " + s.dice.pick(Phrasebook.ASK_HUMAN));
        s.slots.put("tip", s.dice.pick(Phrasebook.GENERIC_TIPS));
        s.agent(ai, s.dice.pick("I understand. Have you tried {tip}?", "I'm here to help! Could you try {tip}?"));
        s.customer(s.dice.pick("I asked for a person. Please.", "No. I want a human. Now.", "Stop. Let me talk to a human agent."));
        s.agent(ai, s.dice.pick("I understand your frustration. Could you describe the issue in a few words?",
                "I'm sorry you're having trouble. Let's try again: what do you need help with?"));
        s.customer(s.dice.pick(s.topic.rephrases()) + " And I want a human.");
        s.agent(ai, s.dice.pick("Here's what I found: {advice}.", "It sounds like you need help with {subject}. {Advice}."));
        s.customer(s.dice.pick(Phrasebook.ANGRY_EXITS));
        s.outcome(Resolution.UNRESOLVED, 1.3);
    }

    private static void routingNeedlessEscalation(Scene s) {
        Speaker l1 = s.human("l1");
        s.startIn(l1);
        s.open(l1, Mood.NEUTRAL);
        s.agent(l1, s.dice.pick("I'll escalate this to our second-line team to be on the safe side.",
                "I'm going to pass this to l2, they'll take care of it."));
        s.note(l1, s.dice.pick("Escalating, not sure about this one.", "Sending to l2, {subject}."));
        Speaker l2 = s.human("l2");
        s.transfer(l2.queue(), s.team.key(), "escalation");
        s.customer(s.dice.pick("OK... how long will that take?", "Is that really necessary? It seems simple.", "Alright."));
        s.agent(l2, "Hi {first}, {agent_first} here, I've picked this up. " + s.dice.pick("This is a standard request, so it's a quick one.",
                "Good news, this is straightforward."));
        if (s.topic.needsVerification()) s.verify(l2);
        s.fix(l2);
        s.customer(s.dice.pick("Thanks. Funny that it needed escalating.", "Great, thanks. That took a while for something so quick.", "Thanks!"));
        s.outcome(Resolution.RESOLVED, 3.6);
    }

    private static void routingBotLoop(Scene s) {
        Speaker ai = s.ai;
        s.startIn(ai);
        String loop = s.dice.pick("I can help with orders, billing and account questions. Which one is your question about?",
                "Sorry, I didn't quite get that. Could you rephrase your question?",
                "I'd love to help! Please choose one of the following topics: Billing, Technical, Account.",
                "It looks like you're asking about {subject}. Here's an article that might help: \"{article}\".");
        s.open(ai, s.dice.pick(s.topic.asks()), Mood.NEUTRAL, loop);
        s.customer(s.dice.pick("It's about " + s.team.label() + ".", s.dice.pick(s.topic.rephrases()), "I just told you."));
        s.agentVerbatim(ai, loop);
        s.customer(s.dice.pick("I just told you. ", "Again: ", "Are you even reading this? ") + s.dice.pick(s.topic.rephrases()));
        s.agentVerbatim(ai, loop);
        s.customer(s.dice.pick(Phrasebook.ASK_HUMAN));
        s.agentVerbatim(ai, loop);
        if (s.dice.chance(0.6)) s.customer(s.dice.pick(Phrasebook.ANGRY_EXITS));
        s.outcome(Resolution.UNRESOLVED, 1.2);
    }

    // ================================================================== tone

    private static void toneApologyLoop(Scene s) {
        Speaker agent = s.frontline(0.4);
        s.startIn(agent);
        s.open(agent, s.dice.pick(s.topic.asks()), Mood.FRUSTRATED, s.dice.pick("I'm so sorry to hear that!", "Oh no, I'm so sorry about this!"));
        s.customer(s.dice.pick("Thanks. Can you fix it?", "OK, so what can you do?", s.detail()));
        s.agent(agent, s.dice.pick("I'm so sorry for the inconvenience, I really apologise.", "I sincerely apologise for this experience."));
        s.customer(s.dice.pick("OK, but can you fix it?", "Apology accepted. Now what?"));
        s.agent(agent, s.dice.pick("I completely understand and I'm truly sorry about this.", "Again, I'm so sorry. I know how frustrating this must be."));
        s.customer(s.dice.pick("Stop apologising and tell me what happens next.", "Please stop saying sorry and just help me."));
        if (s.dice.chance(0.5)) {
            s.fix(agent, "I'm so sorry again. ");
            s.customer(s.dice.pick("Fine. Thanks.", "OK. Finally."));
            s.outcome(Resolution.RESOLVED, 2.9);
        } else {
            s.agent(agent, "I'm really sorry, I'll pass this on to the team and apologise again for the trouble.");
            s.customer(s.dice.pick(Phrasebook.RESIGNED_EXITS));
            s.outcome(Resolution.UNRESOLVED, 1.8);
        }
    }

    private static void toneRobotic(Scene s) {
        Speaker agent = s.frontline(0.5);
        s.startIn(agent);
        String stakes = s.dice.pick("This is costing us real money, my team can't work.", "I have a client meeting in an hour and I'm panicking.",
                "This was meant to be a birthday present and the party is tomorrow.");
        s.open(agent, s.dice.pick(s.topic.asks()) + " " + stakes, Mood.ANGRY,
                "Your request regarding {subject} has been received. Please provide your account e-mail address.");
        s.customer(s.dice.pick("{email}. Please, this is urgent.", "It's {email}. Can you hurry, please?"));
        s.script.action("lookup_account", "succeeded", Map.of("email", s.customer.email()));
        s.fix(agent, "Thank you. The request has been processed. ");
        s.agent(agent, "Is there anything else I can assist you with today?");
        s.customer(s.dice.pick("That's it? You could at least acknowledge what I said.", "Wow, OK. Thanks, I suppose.", "Are you a bot?"));
        s.agent(agent, "Thank you for contacting {brand}. This conversation will now be closed.");
        s.outcome(Resolution.RESOLVED, 3.0);
    }

    private static void toneCondescending(Scene s) {
        Speaker agent = s.frontline(0.2);
        s.startIn(agent);
        s.open(agent, s.dice.chance(0.5) ? Mood.NEUTRAL : Mood.FRUSTRATED);
        s.agent(agent, s.dice.pick("As our help centre explains quite clearly, {advice}.", "Well, {advice}. It's all in the help centre."));
        s.customer(s.slots.fill(s.topic.adviceFails()));
        s.agent(agent, s.dice.pick("It's really quite simple. You must have missed a step.", "Most customers manage this on their own without any trouble.",
                "I'll explain it slowly then."));
        s.customer(s.dice.pick("Wow. OK.", "There's no need to talk to me like that.", "I'm not an idiot, thanks."));
        s.fix(agent, s.dice.pick("Fine, I'll just do it for you. ", "OK, I've done it for you this time. "));
        s.customer(s.dice.pick("Thanks, I guess.", "Right. Bye."));
        s.outcome(Resolution.RESOLVED, 2.2);
    }

    private static void toneWrongRegister(Scene s) {
        Speaker agent = s.human("l1");
        s.startIn(agent);
        String ask = (s.email() ? "I'm writing" : "I'm contacting you") + " on behalf of {company} regarding {subject}. "
                + s.dice.pick(s.topic.asks());
        s.open(agent, ask, Mood.NEUTRAL, s.dice.pick("ugh that's super annoying, happens all the time lol. lemme take a look 😅",
                "no worries!! we'll get u sorted in a sec 🙌", "oof yeah that's a classic haha, one sec"),
                s.dice.pick("hey {first}!!", "heyyy {first} 👋", "yo {first}!", "hiya!"));
        s.customer(s.dice.pick("I'd appreciate a more professional tone. This affects {seats} of our staff.",
                "Please keep this professional; I'll be sharing this thread with our leadership."));
        if (s.topic.needsVerification()) s.verify(agent);
        s.fix(agent, s.dice.pick("haha sure thing! all sorted now 👍 ", "kk done!! ", "yep yep, sorted 😎 "));
        s.customer(s.dice.pick("Thank you. I'll be raising the tone of this exchange with our account manager.", "Noted. Thank you."));
        s.outcome(Resolution.RESOLVED, 2.7);
    }

    // ================================================================== policy

    private static void policyRefundWithoutVerification(Scene s) {
        Speaker agent = s.frontline(0.3);
        s.startIn(agent);
        String ask = s.dice.pick(s.topic.asks()) + " " + s.dice.pick("I'm writing from my partner's e-mail, I can't get into mine.",
                "I don't have access to the account e-mail any more.", "This isn't my usual e-mail, by the way.",
                "Please send the money to my other card, {card}.");
        s.open(agent, ask, Mood.FRUSTRATED, s.dice.pick("No problem, I'll take care of that right away.", "Sure, let me sort that out for you."));
        s.lookup(agent);
        s.fix(agent);
        s.customer(s.dice.pick(Phrasebook.THANKS_HAPPY));
        s.outcome(Resolution.RESOLVED, 4.6);
    }

    private static void policyBrokenPromise(Scene s) {
        Speaker agent = s.frontline(0.35);
        s.startIn(agent);
        s.open(agent, s.dice.chance(0.5) ? Mood.FRUSTRATED : Mood.ANGRY);
        if (s.topic.needsVerification()) s.verify(agent);
        s.lookup(agent);
        s.fix(agent);
        s.agent(agent, s.dice.pick("And because you've had such a rough time: ", "One more thing. ", "") + s.slots.fill(s.topic.promise()));
        s.customer(s.dice.pick("Wow, that's very generous, thank you!", "Really? That's great, thanks!", "Oh, I didn't expect that. Thank you!"));
        s.outcome(Resolution.RESOLVED, 4.7);
    }

    private static void policyNoRule(Scene s) {
        Speaker agent = s.human("l1");
        s.startIn(agent);
        String ask = s.dice.pick(s.topic.asks()) + " " + s.dice.pick("One complication: ", "The tricky part is that ", "Oh, and ")
                + s.slots.fill(s.topic.noRuleCase()) + ".";
        s.open(agent, ask, Mood.NEUTRAL, "That's an unusual one. Let me check what our policy says.");
        s.note(agent, s.dice.pick("Is there a rule for this? Case: {no_rule_case}. Couldn't find anything in the policy docs.",
                "No policy covers: {no_rule_case}. Asked in the team channel, no answer."));
        s.agent(agent, s.dice.pick("I couldn't find a policy that covers this. I'll make an exception this once, but I can't promise it'll hold next time.",
                "Honestly, there's no rule I can point to for this. I'll ask my lead and get back to you.",
                "Our policies don't cover this situation, so I'm not sure what I'm allowed to do."));
        s.customer(s.dice.pick("So what happens now?", "OK, please let me know.", "That's not very reassuring."));
        s.outcome(Resolution.PARTLY_RESOLVED, 2.9);
    }

    // ================================================================== tool

    private static void toolActionFailed(Scene s, String error) {
        Speaker agent = s.frontline(0.5);
        s.startIn(agent);
        s.open(agent, s.dice.chance(0.6) ? Mood.NEUTRAL : Mood.FRUSTRATED);
        if (s.topic.needsVerification()) s.verify(agent);
        s.agent(agent, s.takePrefix() + s.dice.pick("Let me do that for you now.", "I'll take care of it right away.", "Doing that now."));
        s.script.action(s.topic.action(), "failed", withError(s.actionParams(), error));
        s.agent(agent, s.dice.pick("Hmm, our system returned an error when I tried to sort out {subject}. Let me try again.",
                "That didn't go through, the system gave me an error. One more try."));
        boolean retry = s.dice.chance(0.6);
        if (retry) {
            s.script.action(s.topic.action(), "failed", withError(s.actionParams(), error));
            s.agent(agent, s.dice.pick("It failed again. I'll have to log this and get back to you once it's working.",
                    "Still failing, I'm afraid. Our tools seem to be having problems today."));
        } else {
            s.agent(agent, "I can't complete this right now. I'll log it and someone will follow up.");
        }
        s.customer(s.dice.pick("Great. So nothing happened?", "So I'm back where I started.", "How long will that take?", "Unbelievable."));
        s.outcome(Resolution.UNRESOLVED, 1.9);
    }

    private static void toolActionFailed(Scene s) {
        toolActionFailed(s, s.slots.get("tool_error"));
    }

    private static Map<String, String> withError(Map<String, String> params, String error) {
        params.put("error", error);
        return params;
    }

    private static void toolActionMissing(Scene s) {
        Speaker agent = s.frontline(0.5);
        s.startIn(agent);
        s.open(agent, s.dice.chance(0.6) ? Mood.NEUTRAL : Mood.FRUSTRATED);
        s.lookup(agent);
        s.agent(agent, s.dice.pick("I can see the problem, but I don't have a way to change that from my side.",
                "Unfortunately our tools don't let me do that here.", "I'm not able to make that change, there's no option for it in my system.")
                + " You'll need to {manual_step}.");
        s.customer(s.dice.pick("Why can't you just do it? You're support.", "That's a lot of hassle for me.", "Seriously? That's my job now?"));
        s.agent(agent, s.dice.pick("I'm sorry, I don't have access to a tool for that.", "I know, I'm sorry. That's the only way right now."));
        s.customer(s.dice.pick(Phrasebook.RESIGNED_EXITS));
        s.outcome(Resolution.UNRESOLVED, 2.0);
    }

    /** The agent says the action was done, but no action was taken: the customer leaves with a false belief. */
    private static void toolClaimedNotTaken(Scene s) {
        Speaker agent = s.frontline(0.5);
        s.startIn(agent);
        s.open(agent, s.dice.chance(0.7) ? Mood.NEUTRAL : Mood.FRUSTRATED);
        s.agent(agent, s.dice.pick("All done! ", "Sure thing. ", "No problem. ") + s.slots.fill(s.dice.pick(s.topic.fixes())));
        s.wrapUp(agent, false);
        // resolved as far as the transcript shows; unresolved in truth, which is the point of this gap
        s.outcome(Resolution.UNRESOLVED, 4.3);
    }
}
