package io.cxscore.core.judge;

import java.util.List;

/**
 * The offline judge's three feature vectors. The names are stored beside the fitted weights, and a
 * parameter file whose names differ from these is refused at load: features and weights never drift apart.
 */
final class FeatureVectors {
    static final List<String> TURN = List.of("vader", "negative_cues", "problem_cues", "persistence_cues",
            "gratitude_cues", "praise_cues", "confirmation_cues", "exclamations", "questions", "shouting", "log_words");

    static final List<String> RESOLUTION = List.of("end_sentiment", "start_sentiment", "last_confirmation",
            "last_gratitude", "last_problem", "later_problem_turns", "agent_solution", "agent_inability",
            "agent_apology", "ends_with_agent", "ends_with_agent_question", "log_turns", "actions_succeeded",
            "actions_failed", "agent_link");

    static final List<String> EFFORT = List.of("log_customer_turns", "repeats", "rephrasings", "persistence_cues",
            "customer_questions", "agent_info_requests", "log_words", "mean_sentiment", "min_sentiment",
            "negative_cue_density");

    private FeatureVectors() {}

    static double[] turn(MessageSignals m) {
        double words = Math.max(1, m.tokens.size());
        return new double[] {
            m.vader,
            Math.min(3, m.negative) / Math.sqrt(words) * 3,
            Math.min(3, m.problem),
            Math.min(3, m.persistence),
            Math.min(2, m.gratitude),
            Math.min(2, m.praise),
            Math.min(2, m.confirmation),
            Math.min(3, m.exclamations),
            Math.min(3, m.questions),
            m.shouted / words,
            Math.log1p(m.tokens.size())
        };
    }

    static double[] resolution(ConversationSignals s, double[] customerSentiment) {
        MessageSignals lastCustomer = s.lastCustomer();
        MessageSignals last = s.lastPublic();
        int laterProblems = 0;
        for (int i = 1; i < s.customerTurns.size(); i++) if (s.customerTurns.get(i).problem + s.customerTurns.get(i).persistence > 0) laterProblems++;
        int solution = 0, inability = 0, apology = 0;
        boolean link = false;
        for (MessageSignals a : s.agentTurns) {
            solution += a.agentSolution;
            inability += a.agentInability;
            apology += a.agentApology;
            link |= a.hasUrl;
        }
        boolean endsWithAgent = last != null && last.role.isAgent();
        return new double[] {
            customerSentiment.length == 0 ? 0 : customerSentiment[customerSentiment.length - 1],
            customerSentiment.length == 0 ? 0 : customerSentiment[0],
            lastCustomer == null ? 0 : Math.min(2, lastCustomer.confirmation),
            lastCustomer == null ? 0 : Math.min(2, lastCustomer.gratitude),
            lastCustomer == null ? 0 : Math.min(3, lastCustomer.problem + lastCustomer.persistence),
            Math.min(3, laterProblems),
            Math.min(4, solution),
            Math.min(3, inability),
            Math.min(3, apology),
            endsWithAgent ? 1 : 0,
            endsWithAgent && last.questions > 0 ? 1 : 0,
            Math.log1p(s.messages.size()),
            Math.min(2, s.succeededActions),
            Math.min(2, s.failedActionTurns.size()),
            link ? 1 : 0
        };
    }

    static double[] effort(ConversationSignals s, double[] customerSentiment) {
        int persistence = 0, questions = 0, negative = 0, words = 0;
        for (MessageSignals c : s.customerTurns) {
            persistence += c.persistence;
            questions += c.questions;
            negative += c.negative + c.problem;
        }
        for (MessageSignals m : s.messages) words += m.tokens.size();
        int infoRequests = 0;
        for (MessageSignals a : s.agentTurns) infoRequests += a.agentInfoRequest;
        double mean = 0, min = 0;
        if (customerSentiment.length > 0) {
            min = Double.MAX_VALUE;
            for (double v : customerSentiment) {
                mean += v;
                min = Math.min(min, v);
            }
            mean /= customerSentiment.length;
        }
        return new double[] {
            Math.log1p(s.customerTurns.size()),
            Math.min(4, s.repeatTurns.size()),
            Math.min(4, s.rephraseTurns.size()),
            Math.min(4, persistence),
            Math.min(4, questions),
            Math.min(4, infoRequests),
            Math.log1p(words),
            mean,
            min,
            negative / Math.sqrt(Math.max(1, words)) * 3
        };
    }
}
