package io.cxscore.publish;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The redaction the warehouse applies to the little message text it keeps (the drill-down examples)
 * when no better redactor is given: it masks what can be found without knowing the language.
 * E-mail addresses become {@code [email]}, URLs {@code [url]}, phone numbers and other runs of seven
 * or more digits {@code [number]}, and every remaining digit {@code #}, so card, account, order and
 * ticket numbers never pass through.
 * Names and street addresses need a real PII redactor; pass one to {@link Warehouse#withRedactor}.
 */
public final class TextRedaction {
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[\\p{L}]{2,}");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    // seven or more digits, allowing the separators people type in phone numbers: +44 20 7946 0958, (555) 123-4567
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d(?:[\\s().-]*\\d){6,}");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    /** Masks e-mails, URLs, phone numbers and digits; null stays null. */
    public static final UnaryOperator<String> MASK_CONTACTS_AND_DIGITS = TextRedaction::maskContactsAndDigits;

    private TextRedaction() {}

    static String maskContactsAndDigits(String text) {
        if (text == null) return null;
        String masked = EMAIL.matcher(text).replaceAll("[email]");
        masked = URL.matcher(masked).replaceAll("[url]");
        masked = PHONE.matcher(masked).replaceAll("[number]");
        return DIGIT.matcher(masked).replaceAll("#");
    }
}
