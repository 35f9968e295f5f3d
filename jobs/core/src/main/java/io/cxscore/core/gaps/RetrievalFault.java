package io.cxscore.core.gaps;

import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * For a finding shown in an AI agent's turn that carries retrieval context: was the fault in what was
 * retrieved or in how it was used? The retrieved passages are compared with the customer's request up
 * to that turn. When they hold too little of the request's content words (below {@code retrieval_coverage}),
 * or nothing was retrieved, the agent never had the right material: bad_retrieval. When they do hold it,
 * the agent had what it needed and still failed: bad_reasoning.
 */
final class RetrievalFault {
    static final String BAD_RETRIEVAL = "bad_retrieval";
    static final String BAD_REASONING = "bad_reasoning";

    private RetrievalFault() {}

    static GapFinding annotate(GapFinding f, Conversation c, GapClassifierSettings s) {
        Message turn = null;
        for (int i : f.evidence()) {
            if (i >= c.messages().size()) continue;
            Message m = c.messages().get(i);
            if (m.role() == Role.AI_AGENT && m.retrieved() != null) {
                turn = m;
                break;
            }
        }
        if (turn == null) return f;
        Set<String> request = new HashSet<>();
        for (Message m : c.messages()) {
            if (m.index() >= turn.index()) break;
            if (m.role() == Role.CUSTOMER && m.isPublic()) request.addAll(contentWords(m.text()));
        }
        Set<String> passages = new HashSet<>();
        for (String p : turn.retrieved()) passages.addAll(contentWords(p));
        int held = 0;
        for (String w : request) if (passages.contains(w)) held++;
        double coverage = request.isEmpty() ? 0 : held / (double) request.size();
        String fault = turn.retrieved().isEmpty() || coverage < s.retrievalCoverage ? BAD_RETRIEVAL : BAD_REASONING;
        return new GapFinding(f.category(), f.subcategory(), f.confidence(), f.evidence(), fault, f.foundBy(), f.subject(),
                f.rationale());
    }

    private static Set<String> contentWords(String text) {
        Set<String> out = new HashSet<>();
        List<String> tokens = GapTokens.tokens(text);
        for (String t : tokens) if (t.length() > 3) out.add(t);
        return out;
    }
}
