package io.cxscore.core.testing;

import io.cxscore.core.model.Conversation;
import java.util.List;

/**
 * Personal data planted in a conversation, one value per kind the redactor knows, so tests can prove none of it
 * leaves the process. Cards and IBANs pass their checksums, as real ones do.
 */
public final class SeededPii {
    public static final String NAME = "Dana Whitfield";
    public static final String EMAIL = "dana.whitfield@example.org";
    public static final String PHONE = "+1 (415) 555-0132";
    public static final String CARD = "4111 1111 1111 1111";
    public static final String IBAN = "GB82 WEST 1234 5698 7654 32";
    public static final String ADDRESS = "221B Baker Street";
    public static final String ORDER = "88127734";
    public static final String ACCOUNT_CODE = "ACC-559901";

    /** Every planted string, plus fragments that would still identify the customer. */
    public static final List<String> ALL = List.of(NAME, "Whitfield", EMAIL, PHONE, "555-0132", CARD, "4111111111111111",
            IBAN, "GB82WEST", ADDRESS, ORDER, ACCOUNT_CODE);

    private SeededPii() {}

    /** A billing conversation in which the customer gives all of it, and the agent repeats some back. */
    public static Conversation conversation(String id) {
        return Conversations.of(id)
                .metadata("customer_name", NAME)
                .customer("Hi, I'm " + NAME + ". I was charged twice on my card " + CARD + " for order number " + ORDER + ".")
                .ai("Sorry to hear that, Dana. Can you confirm the e-mail on the account?")
                .customer("It's " + EMAIL + ", and you can call me on " + PHONE + ". My account is " + ACCOUNT_CODE + ".")
                .transfer("ai-frontline", "billing-l1")
                .human("Thanks Ms Whitfield. I refunded the duplicate to IBAN " + IBAN + " and sent a letter to " + ADDRESS + ".")
                .action("refund", "succeeded")
                .customer("Great, I see it now. Thanks!")
                .build();
    }
}
