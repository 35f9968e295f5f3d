package io.cxscore.core.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.model.Conversation;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GapClassifierTest {
    static final GapClassifier CLASSIFIER = GapClassifier.defaults();

    static Set<String> detected(Conversation c) {
        return CLASSIFIER.detected(CLASSIFIER.classify(c)).stream().map(f -> f.category() + "/" + f.subcategory())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Every finding, notifying or not: for rules the labelled data put below the notify line, which still write for review. */
    static Set<String> found(Conversation c) {
        return CLASSIFIER.classify(c).stream().map(f -> f.category() + "/" + f.subcategory())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void should_find_nothing_when_the_agent_simply_solves_the_request() {
        // given
        Conversation c = GapFixtures.of("happy").customer("Hi, I was charged twice for the Team plan this month.")
                .human("Hi Dana, I can see both charges. Let me fix that.").action("verify_identity", "succeeded")
                .action("issue_refund", "succeeded")
                .human("I've refunded the duplicate charge; it'll be back on your card in 3-5 business days.")
                .customer("Perfect, thanks!").build();
        // then
        assertThat(CLASSIFIER.classify(c)).isEmpty();
    }

    @Test
    void should_classify_missing_and_outdated_articles_as_knowledge_and_keep_the_weaker_one_for_review() {
        // given
        Conversation missing = GapFixtures.of("missing").customer("How do I export only archived projects?")
                .ai("I searched our help centre but couldn't find anything specific about that.").build();
        Conversation outdated = GapFixtures.of("outdated").customer("How do I add our VAT number to invoices?")
                .ai("According to our help article, you can add it under Settings > Billing > Tax details.")
                .customer("There is no Tax details section any more. That article is out of date.").build();
        // then
        // both rules were right less than 80% of the time on the labelled set (classifier v7): found, kept for review, not notified
        assertThat(found(missing)).contains("knowledge/missing_article");
        assertThat(detected(missing)).doesNotContain("knowledge/missing_article");
        GapFinding stale = CLASSIFIER.classify(outdated).stream().filter(f -> f.subcategory().equals("outdated_article")).findFirst()
                .orElseThrow();
        assertThat(stale.confidence()).isLessThan(CLASSIFIER.notifyConfidence());
        assertThat(detected(outdated)).doesNotContain("knowledge/outdated_article");
    }

    @Test
    void should_classify_an_unsupported_request_and_an_acknowledged_bug_as_product() {
        // given
        Conversation capability = GapFixtures.of("cap").customer("Can we get one invoice for all workspaces?")
                .human("Unfortunately that isn't possible right now. I've logged it as a feature request with our product team.").build();
        Conversation bug = GapFixtures.of("bug").customer("The billing page shows two plans at once.")
                .human("I can reproduce it, this is a bug on our side. I've reported it.").build();
        // then
        assertThat(detected(capability)).contains("product/missing_capability");
        assertThat(detected(bug)).contains("product/bug");
    }

    @Test
    void should_classify_an_ignored_request_for_a_person_as_a_missed_escalation() {
        // given
        Conversation c = GapFixtures.of("human").customer("The refund never arrived.")
                .ai("Refunds take 5 days.").customer("It's been three weeks. I want to speak to a real person.")
                .ai("I understand. Could you describe the issue in a few words?").build();
        // then (ask_human_ignored fits below the notify line since version 6, so the finding is for review)
        assertThat(found(c)).contains("routing/missed_escalation");
    }

    @Test
    void should_classify_apology_loops_condescension_and_casual_register_as_tone() {
        // given
        Conversation apologies = GapFixtures.of("sorry").customer("My order is broken.")
                .human("I'm so sorry to hear that!").customer("Can you fix it?")
                .human("I sincerely apologise for this experience.").customer("OK, but what now?")
                .human("Again, I'm so sorry. I know how frustrating this must be.")
                .customer("Stop apologising and tell me what happens next.").build();
        Conversation condescending = GapFixtures.of("cond").customer("The setting isn't there.")
                .human("It's really quite simple. You must have missed a step.").customer("I'm not an idiot, thanks.").build();
        Conversation register = GapFixtures.of("reg").customer("I'm writing on behalf of Kestrel Health regarding our invoices.")
                .human("heyyy no worries!! lemme take a look lol 😅").customer("I'd appreciate a more professional tone.").build();
        // then
        assertThat(detected(apologies)).contains("tone/apology_loop");
        assertThat(detected(condescending)).contains("tone/condescending");
        assertThat(detected(register)).contains("tone/wrong_register");
    }

    @Test
    void should_call_it_robotic_when_the_agent_asks_whether_the_customer_tried_what_they_said_they_tried() {
        // given: the same template question, once after the customer said they followed the recovery steps, once not
        Conversation ignored = GapFixtures.of("tried").customer("I followed the account recovery steps twice and I still have no access.")
                .human("Just to confirm, have you already tried recovering your account using the steps here?").build();
        Conversation fresh = GapFixtures.of("fresh").customer("I can't get into my account since yesterday.")
                .human("Just to confirm, have you already tried recovering your account using the steps here?").build();
        // then: the finding is written (notifying or not, as the fit decides) for the first only, citing both turns
        assertThat(found(ignored)).contains("tone/robotic");
        assertThat(CLASSIFIER.trace(ignored)).filteredOn(t -> t.rules().contains("asked_what_was_tried"))
                .singleElement().satisfies(t -> assertThat(t.finding().evidence()).containsExactly(0, 1));
        assertThat(found(fresh)).doesNotContain("tone/robotic");
    }

    @Test
    void should_call_laughter_answering_a_complaint_the_wrong_register_but_not_laughter_answering_praise() {
        // given: a Weibo-style laughter tag after a complaint, and an emoji after thanks
        Conversation complaint = GapFixtures.of("laugh").customer("Why was my broadband cut off again? This is unacceptable.")
                .human("Please send us your account number by private message [Ha ha]").build();
        Conversation praise = GapFixtures.of("praise").customer("Thanks, that worked great!").human("Glad to hear it 😃").build();
        // then
        assertThat(found(complaint)).contains("tone/wrong_register");
        assertThat(found(praise)).doesNotContain("tone/wrong_register");
    }

    @Test
    void should_not_call_login_trouble_a_bug_unless_the_agent_acknowledges_one() {
        // given: the same reported error, once while signing in, once in a feature; and a login failure the agent calls a known issue
        Conversation login = GapFixtures.of("login").customer("I can't log in to my account, the app shows an error code.")
                .human("Please try resetting your password with the link on the sign-in page.").build();
        Conversation feature = GapFixtures.of("export").customer("Exporting to CSV shows an error code every time.")
                .human("Please try a different browser.").build();
        Conversation acknowledged = GapFixtures.of("outage").customer("I can't log in, the app shows an error code.")
                .human("Sorry, this is a known issue with sign-in today; we're working on a fix.").build();
        // then
        assertThat(found(login)).doesNotContain("product/bug");
        assertThat(detected(feature)).contains("product/bug");
        assertThat(detected(acknowledged)).contains("product/bug");
    }

    @Test
    void should_classify_an_unverified_refund_for_a_stranger_and_a_missing_rule_as_policy() {
        // given
        Conversation unverified = GapFixtures.of("unverified")
                .customer("Please refund my order. I'm writing from my partner's e-mail, I can't get into mine.")
                .human("Sure, let me sort that out.").action("issue_refund", "succeeded").human("I've issued the refund.").build();
        Conversation noRule = GapFixtures.of("norule").customer("The card charged belongs to a colleague who left.")
                .human("Our policies don't cover this situation, so I'm not sure what I'm allowed to do.").build();
        // then
        // the identity-mismatch rule fell below the notify line on labelled set v2 (2 of 3 train firings right): found, not notified
        assertThat(found(unverified)).contains("policy/rule_broken");
        assertThat(detected(noRule)).contains("policy/no_rule");
    }

    @Test
    void should_classify_a_missing_tool_as_tool_and_not_as_product() {
        // given
        Conversation c = GapFixtures.of("notool").customer("Please dispute the second charge for me.")
                .human("Unfortunately our tools don't let me do that here. You'll need to contact your bank.").build();
        // then (no_tool fits below the notify line since version 6, so the finding is for review)
        assertThat(found(c)).contains("tool/action_missing").doesNotContain("product/missing_capability", "routing/wrong_queue");
    }

    @Test
    void should_give_the_same_findings_in_the_same_order_every_time() {
        // given
        Conversation c = GapFixtures.of("again").customer("I was told the refund was done. It's not.")
                .human("I'm sorry. Our system returned an error when I tried. I'm sorry again.").action("issue_refund", "failed")
                .human("I'm sorry, I'll pass this on.").build();
        // when
        List<GapFinding> first = CLASSIFIER.classify(c);
        List<GapFinding> second = GapClassifier.defaults().classify(c);
        // then
        assertThat(second).isEqualTo(first);
        assertThat(first).isNotEmpty();
        assertThat(first).allSatisfy(f -> {
            assertThat(CLASSIFIER.taxonomy().contains(f.category(), f.subcategory())).isTrue();
            assertThat(f.evidence()).allSatisfy(i -> assertThat(i).isBetween(0, c.messages().size() - 1));
            assertThat(f.confidence()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void should_blame_retrieval_when_the_passages_miss_the_request_and_reasoning_when_they_hold_it() {
        // given
        Conversation badRetrieval = GapFixtures.of("br").customer("How do I export archived projects to CSV?")
                .aiWithRetrieval("I couldn't find anything about that.", List.of("Resetting your password: use the Forgot password link."))
                .build();
        Conversation badReasoning = GapFixtures.of("bre").customer("How do I export archived projects to CSV?")
                .aiWithRetrieval("I couldn't find anything about that.",
                        List.of("Exporting archived projects: open Archive, select projects, choose Export > CSV."))
                .build();
        Conversation noContext = GapFixtures.of("nc").customer("How do I export archived projects to CSV?")
                .ai("I couldn't find anything about that.").build();
        // then
        assertThat(CLASSIFIER.classify(badRetrieval)).filteredOn(f -> f.category().equals("knowledge"))
                .extracting(GapFinding::aiFault).containsOnly("bad_retrieval");
        assertThat(CLASSIFIER.classify(badReasoning)).filteredOn(f -> f.category().equals("knowledge"))
                .extracting(GapFinding::aiFault).containsOnly("bad_reasoning");
        assertThat(CLASSIFIER.classify(noContext)).extracting(GapFinding::aiFault).containsOnlyNulls();
    }

    @Test
    void should_name_the_topic_from_the_team_and_the_customers_first_words() {
        // given
        Conversation c = GapFixtures.of("topic").team("billing").customer("Why was I charged twice? I want a refund.").build();
        Conversation unknown = GapFixtures.of("other").team(null).brand(null).customer("Hello?").build();
        // then
        assertThat(CLASSIFIER.topic(c)).isEqualTo("billing/refund");
        assertThat(CLASSIFIER.topic(unknown)).isEqualTo("general/other");
    }
}
