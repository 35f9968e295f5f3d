package io.cxscore.core.judge;

import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Everything the offline judge reads from one message, computed once per message. */
final class MessageSignals {
    private static final Set<String> STOPWORDS = Set.of("the", "a", "an", "and", "or", "to", "of", "in", "on", "for",
            "is", "it", "i", "my", "me", "you", "your", "we", "our", "this", "that", "with", "be", "are", "was", "can",
            "do", "have", "has", "at", "so", "but", "if", "please", "hi", "hello", "hey", "just", "there", "what", "how",
            "am", "its", "it's", "i'm", "will", "would", "could", "from", "as", "by", "not", "no", "yes", "they", "he", "she");

    final int index;
    final Role role;
    final boolean isPublic;
    final List<String> tokens;
    final Set<String> content;
    final double vader;
    final int exclamations, questions, shouted;
    final int gratitude, praise, confirmation, problem, persistence, negative;
    final int agentSolution, agentInability, agentApology, agentInfoRequest, escalation;
    final boolean hasUrl;

    MessageSignals(Message m, SupportCues cues) {
        index = m.index();
        role = m.role();
        isPublic = m.isPublic();
        String text = m.text();
        WordTokens wt = WordTokens.of(text);
        tokens = wt.tokens;
        shouted = wt.shoutedWords;
        content = new HashSet<>();
        for (String t : tokens) if (t.length() > 1 && !STOPWORDS.contains(t)) content.add(t);
        int ex = 0, q = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!') ex++;
            else if (c == '?') q++;
        }
        exclamations = ex;
        questions = q;
        vader = VaderLexicon.INSTANCE.compound(tokens, shouted, ex);
        hasUrl = text.contains("http://") || text.contains("https://") || text.contains("www.");
        int[] n = cues.count(tokens);
        boolean customer = role == Role.CUSTOMER;
        gratitude = customer ? n[SupportCues.GRATITUDE] : 0;
        praise = customer ? n[SupportCues.PRAISE] : 0;
        confirmation = customer ? n[SupportCues.CONFIRMATION] : 0;
        problem = customer ? n[SupportCues.PROBLEM] : 0;
        persistence = customer ? n[SupportCues.PERSISTENCE] : 0;
        negative = customer ? n[SupportCues.NEGATIVE] : 0;
        boolean agent = role.isAgent();
        agentSolution = agent ? n[SupportCues.AGENT_SOLUTION] + (hasUrl ? 1 : 0) : 0;
        agentInability = agent ? n[SupportCues.AGENT_INABILITY] : 0;
        agentApology = agent ? n[SupportCues.AGENT_APOLOGY] : 0;
        agentInfoRequest = agent ? n[SupportCues.AGENT_INFO_REQUEST] : 0;
        escalation = agent || role == Role.SYSTEM ? n[SupportCues.ESCALATION] : 0;
    }

    /** Jaccard overlap of content words; repeats and bot loops are measured with it. */
    double overlap(MessageSignals other) {
        if (content.isEmpty() || other.content.isEmpty()) return 0;
        int inter = 0;
        Set<String> small = content.size() <= other.content.size() ? content : other.content;
        Set<String> big = small == content ? other.content : content;
        for (String w : small) if (big.contains(w)) inter++;
        return inter / (double) (content.size() + other.content.size() - inter);
    }
}
