package io.cxscore.core.demo;

import java.util.List;

/**
 * Sentence parts shared by every scenario. Scenarios compose a message from several of these plus
 * the topic's own lines, so two conversations of the same scenario rarely read alike.
 */
final class Phrasebook {
    private Phrasebook() {}

    static final List<String> CHAT_GREETINGS = List.of("Hi!", "Hello.", "Hey there!", "Hi there.", "hi!", "Good morning!", "Hello!");

    static final List<String> EMAIL_OPENINGS = List.of("Hello,", "Hi team,", "Dear {brand} support,", "Hi there,", "Good afternoon,");

    static final List<String> EMAIL_SIGNOFFS = List.of("Thanks,\n{first}", "Best,\n{fullname}", "Kind regards,\n{fullname}\n{phone}",
            "Thank you,\n{fullname}", "Cheers,\n{first}");

    static final List<String> EMAIL_SIGNOFFS_BUSINESS = List.of("Kind regards,\n{fullname}\n{company}",
            "Best regards,\n{fullname}\n{company} | {phone}", "Thanks,\n{fullname}\nOperations, {company}");

    static final List<String> VOICE_FILLERS = List.of("", "", "Yeah, so ", "Um, ", "Right, ", "OK so ", "Yes, ");

    static final List<String> OPENERS_NEUTRAL = List.of("", "", "Quick question.", "Hoping you can help.", "I need a hand with something.");

    static final List<String> OPENERS_FRUSTRATED = List.of("This is the second time I'm contacting you about this.",
            "I've already spent an hour on this.", "I'm getting pretty frustrated.", "Nobody has answered my last e-mail.",
            "I really need this fixed today.");

    static final List<String> OPENERS_ANGRY = List.of("Honestly, this is unacceptable.", "I am really annoyed right now.",
            "This is ridiculous.", "I'm furious about this.");

    static final List<String> AI_GREETINGS = List.of("Hi {first}! I'm {agent_first}, {brand}'s AI agent.",
            "Hello {first}, I'm {agent_first}, an AI assistant for {brand}.", "Hi there, {agent_first} here, {brand}'s virtual agent.",
            "Hi {first}, thanks for reaching out. I'm {agent_first}, {brand}'s AI agent.");

    static final List<String> HUMAN_GREETINGS = List.of("Hi {first}, {agent_first} here from {agent_team}.",
            "Hey {first}, thanks for reaching out! This is {agent_first}.", "Hi {first}, this is {agent_first}.",
            "Hello {first}, {agent_first} here.", "Hi {first}! {agent_first} from the {agent_team} team.");

    static final List<String> HUMAN_GREETINGS_FORMAL = List.of(
            "Good day {first}, thank you for contacting {brand} Support. My name is {agent_first} and I'll be looking after this for you.",
            "Hello {first}, this is {agent_first} from the {agent_team} team. Thank you for getting in touch.",
            "Dear {first}, thank you for your message. This is {agent_first} from {brand} {agent_team}.");

    static final List<String> VOICE_GREETINGS_HUMAN = List.of("Thanks for calling {brand}, you're speaking with {agent_first}. How can I help?",
            "{brand} {agent_team}, this is {agent_first}. What can I do for you today?",
            "Hi, you're through to {agent_first} at {brand}. How can I help?");

    static final List<String> VOICE_GREETINGS_AI = List.of("Hi, you've reached {brand}. I'm {agent_first}, an AI assistant. How can I help today?",
            "Welcome to {brand}. I'm {agent_first}, an automated assistant. Tell me what you're calling about.");

    static final List<String> ACKS = List.of("Sorry to hear about that, let's get it sorted.", "I can help with {subject}.",
            "Thanks for the details, I'll look into {subject} for you.", "Let me take a look at that for you.",
            "I understand, that's frustrating. Let's fix it.", "Got it, thanks for explaining.");

    static final List<String> ACKS_FORMAL = List.of("I understand the urgency and will look into {subject} right away.",
            "Thank you for the details. I'll review {subject} for you now.", "I appreciate you flagging this; let me investigate.");

    static final List<String> LOOKUP_LINES = List.of("Let me pull up your account.", "One moment while I look that up.",
            "Give me a second to check the details on our side.", "Let me check our records.");

    static final List<String> ORDER_LOOKUP_LINES = List.of("One moment while I look up {order}.", "Let me pull up order {order}.",
            "Checking {order} now.");

    static final List<String> VERIFY_ASKS = List.of(
            "Before I change anything, can you confirm the e-mail on the account and the last four digits of the card on file?",
            "For security, could you confirm your full name and the e-mail address you signed up with?",
            "I just need to verify it's you first: what's the e-mail on the account, and the last four digits of the payment card?");

    static final List<String> VERIFY_REPLIES = List.of("Sure: {fullname}, {email}, card ending {last4}.", "It's {email}. Card ends in {last4}.",
            "{fullname}, {email}. My phone is {phone} if you need it.", "E-mail is {email} and the card is {card}.");

    static final List<String> VERIFIED = List.of("Thanks, that matches.", "Thank you, you're verified.", "Perfect, that's confirmed.");

    static final List<String> THANKS_HAPPY = List.of("Perfect, that worked. Thank you!", "Great, I can see it now. Thanks a lot.",
            "Oh brilliant, thank you so much!", "OK, that's sorted. Appreciate the quick help.", "That's exactly what I needed, thanks.",
            "Amazing, thanks for your help!");

    static final List<String> THANKS_RELIEVED = List.of("Finally. Thank you, that's a relief.", "OK, good. Thanks for sorting it out in the end.",
            "Right, that works now. It shouldn't have taken this long, but thanks.", "Phew. Thanks, I was getting worried.");

    static final List<String> ANYTHING_ELSE = List.of("Is there anything else I can help you with today?", "Anything else I can do for you?",
            "Glad that's sorted! Anything else on your mind?", "Is there anything else you need?");

    static final List<String> NOTHING_ELSE = List.of("No, that's everything.", "That's all, thanks.", "Nope, all good!", "No, thank you. Bye!");

    static final List<String> GOODBYES = List.of("Have a great day!", "Thanks for your patience, take care.", "Happy to help. Bye for now!",
            "Thanks for contacting {brand}!");

    static final List<String> DIDNT_HELP = List.of("That didn't help at all.", "That's not what I asked.", "This is going nowhere.",
            "That doesn't answer my question.", "I've already tried that.");

    static final List<String> ANGRY_EXITS = List.of("Forget it. I'll take my business elsewhere.", "I'm going to cancel if this isn't fixed by Friday.",
            "Unbelievable. I'll sort it out with my bank.", "I'm done here.", "Useless. I'll post about this publicly.");

    static final List<String> RESIGNED_EXITS = List.of("OK. I'll figure it out myself.", "Fine, whatever.", "I guess I'll just wait then.",
            "Right. Not very helpful, but OK.");

    static final List<String> ASK_HUMAN = List.of("Can I talk to a human, please?", "I want to speak to a real person.", "Agent. AGENT.",
            "Please transfer me to someone who can actually help.", "Is there a person I can talk to?");

    static final List<String> GENERIC_TIPS = List.of("signing out and back in", "clearing your browser cache", "using a different browser",
            "waiting a few hours before retrying", "updating the app to the latest version");

    static final List<String> DEVICES = List.of("Chrome on a Mac.", "Safari on my iPhone.", "The Windows desktop app.", "Firefox, latest version.",
            "Edge on a work laptop.", "The Android app.");

    static final List<String> STORE_DETAILS = List.of("My order number is {order}.", "It's order {order}.", "The order's under {email}.",
            "You can call me on {phone} if that's easier.", "I'm at {address}.", "The account e-mail is {email}.");

    static final List<String> SAAS_DETAILS = List.of("Our workspace is {workspace}.", "My login is {email}.", "We're on the {plan} plan.",
            "My number is {phone} if you'd rather call.", "The account is {email}.");

    static final List<String> BILLING_DETAILS = List.of("I paid with the card {card}.", "The card is {card} if that helps.",
            "The card on file ends in {last4}.");

    static final List<String> BUSINESS_DETAILS = List.of("This is for {company}.", "I'm the admin for {company}'s account.");
}
