package io.cxscore.core.demo;

import java.util.Locale;

/**
 * A fictional customer with the personal data people really paste into support chats: e-mail, phone,
 * address and now and then a full card number. All of it is fake but shaped like the real thing (card
 * numbers pass the Luhn check) so that redaction has something to find.
 */
record CustomerProfile(String first, String last, String company, String email, String altEmail, String phone,
        String card, String address) {

    String fullName() {
        return first + " " + last;
    }

    String last4() {
        String digits = card.replace(" ", "");
        return digits.substring(digits.length() - 4);
    }

    static CustomerProfile draw(DemoWorld world, String cohort, Dice dice) {
        String first = dice.pick(world.firstNames());
        String last = dice.pick(world.lastNames());
        String company = "self-serve".equals(cohort) ? "" : dice.pick(world.companies());
        String user = ascii(first) + "." + ascii(last);
        String email = company.isEmpty()
                ? dice.pick(user, ascii(first) + ascii(last).charAt(0) + dice.between(1, 99), ascii(first) + "_" + ascii(last))
                        + "@" + dice.pick(world.mailDomains())
                : user + "@" + ascii(company) + ".example";
        String altEmail = ascii(first) + "." + ascii(last) + dice.between(70, 99) + "@" + dice.pick(world.mailDomains());
        return new CustomerProfile(first, last, company, email, altEmail, phone(dice), cardNumber(dice),
                dice.between(2, 480) + " " + dice.pick(world.streets()) + ", " + dice.pick(world.cities()));
    }

    private static String ascii(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') b.append(c);
            else if (c == 'ü') b.append('u');
        }
        return b.toString();
    }

    /** Numbers in the ranges set aside for fiction, written the several ways people type them. */
    private static String phone(Dice dice) {
        int line = dice.between(100, 199);
        int area = dice.pick(212, 312, 415, 503, 617, 720, 919);
        return switch (dice.between(0, 4)) {
            case 0 -> "+1 (" + area + ") 555-0" + line;
            case 1 -> area + "-555-0" + line;
            case 2 -> "+1 " + area + " 555 0" + line;
            case 3 -> "(" + area + ") 555-0" + line;
            default -> "+44 20 7946 0" + dice.between(100, 999);
        };
    }

    /** A Luhn-valid 16-digit number on a Visa-like prefix, grouped in fours. */
    private static String cardNumber(Dice dice) {
        int[] d = new int[16];
        d[0] = 4;
        for (int i = 1; i < 15; i++) d[i] = dice.between(0, 9);
        int sum = 0;
        for (int i = 14; i >= 0; i--) {
            int v = d[i];
            // doubling starts from the digit left of the check digit
            if ((14 - i) % 2 == 0) {
                v *= 2;
                if (v > 9) v -= 9;
            }
            sum += v;
        }
        d[15] = (10 - sum % 10) % 10;
        StringBuilder b = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) b.append(' ');
            b.append(d[i]);
        }
        return b.toString();
    }
}
