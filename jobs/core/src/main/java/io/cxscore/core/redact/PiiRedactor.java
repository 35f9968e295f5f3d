package io.cxscore.core.redact;

import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.model.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in a conversation with placeholders before any of it leaves the process: e-mail
 * addresses, payment cards (Luhn-checked), IBANs (mod-97-checked), account and order numbers, phone numbers,
 * street addresses, and the customer's names as the conversation itself knows them (customer authors, name
 * fields in metadata). The same value always gets the same placeholder within one conversation, so a judge can
 * still tell "the e-mail the customer gave first" from a second one.
 *
 * <p>Detectors run in a fixed order, most specific first, and never see inside a placeholder already placed:
 * an e-mail is gone before the name detector could split it, and a card number before the phone detector could
 * take it for a phone number.
 */
public final class PiiRedactor {
    /** What a placeholder stands for; its name is the placeholder's prefix. */
    public enum Kind { EMAIL, IBAN, CARD, ACCOUNT, PHONE, ADDRESS, NAME }

    /** Metadata keys whose values are a customer's name. */
    private static final Set<String> NAME_KEYS = Set.of("name", "customer_name", "customer", "full_name", "first_name",
            "last_name", "requester", "requester_name", "contact_name", "user_name", "username", "display_name", "handle");
    /** Author values that are a role, not a person: redacting them would blank ordinary words. */
    private static final Set<String> GENERIC_AUTHORS = Set.of("customer", "user", "client", "end-user", "end_user",
            "contact", "lead", "visitor", "guest", "anonymous", "unknown", "human_agent", "ai_agent", "agent", "system", "bot");

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
    // not after '/', '=' or a word character: long ids inside URLs are not cards
    private static final Pattern CARD = Pattern.compile("(?<![\\w/=.-])\\d(?:[ -]?\\d){12,18}(?![\\w-])");
    private static final Pattern ACCOUNT_WITH_KEYWORD = Pattern.compile(
            "(?i)\\b(?:account|acct|a/c|order|invoice|ticket|case|reference|ref|booking|customer|member(?:ship)?|policy|contract|tracking|subscription)"
                    + "(?:\\s*(?:number|no\\.?|num|nr|id|#))?\\s*[:#]?\\s*(?-i)([A-Za-z]{0,5}[-#]?\\d[\\w-]{3,})");
    private static final Pattern ACCOUNT_CODE = Pattern.compile("(?<![\\w/=.-])(?:#\\d{5,}|[A-Z]{2,5}-\\d{4,}(?:-\\d+)*)(?![\\w-])");
    // the whole run of digits and separators, so a 16-digit non-card is judged whole, not as a phone plus change
    private static final Pattern PHONE = Pattern.compile("(?<![\\w/=.])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?\\d(?:[ .-]?\\d)*(?![\\w])");
    private static final Pattern ADDRESS = Pattern.compile("\\b\\d{1,5}[A-Za-z]?\\s+(?:[A-Z][a-zA-Z'-]+\\s+){1,3}"
            + "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Close|Crescent|Square|Sq|Parkway|Pkwy|Highway|Hwy)\\b\\.?"
            + "(?:,?\\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor)\\.?\\s*#?\\w+)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z]+_\\d+]");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PiiRedactor() {}

    public static PiiRedactor standard() {
        return new PiiRedactor();
    }

    public RedactedConversation redact(Conversation c) {
        Placeholders p = new Placeholders(knownNames(c));
        List<Message> messages = new ArrayList<>(c.messages().size());
        for (Message m : c.messages()) {
            String author = m.author();
            if (author != null && m.role() == Role.CUSTOMER && isPersonal(author)) author = p.placeholder(Kind.NAME, author);
            messages.add(new Message(m.index(), m.role(), author, p.redact(m.text()), m.at(), m.isPublic()));
        }
        List<Transfer> transfers = new ArrayList<>();
        for (Transfer t : c.transfers()) {
            transfers.add(new Transfer(t.at(), t.fromQueue(), t.toQueue(), p.redact(t.reason()), t.afterMessage()));
        }
        List<AgentAction> actions = new ArrayList<>();
        for (AgentAction a : c.actions()) {
            Map<String, String> params = new LinkedHashMap<>();
            a.params().forEach((k, v) -> params.put(k, p.redact(v)));
            actions.add(new AgentAction(a.name(), a.at(), a.status(), a.afterMessage(), params));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        c.metadata().forEach((k, v) -> metadata.put(k, isNameKey(k) && v != null && !v.isBlank()
                ? p.placeholder(Kind.NAME, v.trim()) : p.redact(v)));
        Conversation redacted = new Conversation(c.id(), c.source(), c.channel(), c.brand(), c.team(), c.queue(),
                c.cohort(), c.openedAt(), c.closedAt(), messages, transfers, actions, c.csat(), metadata, c.labels());
        return new RedactedConversation(redacted, p.originals);
    }

    /**
     * Redacts one text on its own, for places that hold text without its conversation (a mart, a feed
     * entry). Without the conversation, names are unknown: only the pattern detectors apply.
     */
    public String redactText(String text) {
        return text == null ? null : new Placeholders(List.of()).redact(text);
    }

    /** The customer's names as this conversation knows them: full names first, then their parts. */
    private static List<String> knownNames(Conversation c) {
        Set<String> full = new LinkedHashSet<>();
        for (Message m : c.messages()) {
            if (m.role() == Role.CUSTOMER && m.author() != null && isPersonal(m.author())) full.add(m.author().trim());
        }
        c.metadata().forEach((k, v) -> {
            if (isNameKey(k) && v != null && !v.isBlank()) full.add(v.trim());
        });
        Set<String> all = new LinkedHashSet<>(full);
        for (String name : full) {
            for (String part : name.split("[\\s,]+")) {
                // initials and two-letter parts would match ordinary words ("Al", "Jo")
                if (part.length() >= 3) all.add(part);
            }
        }
        List<String> out = new ArrayList<>(all);
        out.sort(Comparator.comparingInt(String::length).reversed());
        return out;
    }

    private static boolean isNameKey(String key) {
        return NAME_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    private static boolean isPersonal(String author) {
        String a = author.trim();
        return a.length() >= 2 && !GENERIC_AUTHORS.contains(a.toLowerCase(Locale.ROOT));
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    static boolean ibanChecksum(String iban) {
        String s = iban.replace(" ", "");
        if (s.length() < 15 || s.length() > 34) return false;
        String rearranged = s.substring(4) + s.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char ch : rearranged.toCharArray()) {
            if (Character.isDigit(ch)) digits.append(ch);
            else if (ch >= 'A' && ch <= 'Z') digits.append(ch - 'A' + 10);
            else return false;
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static String digitsOf(String s) {
        return s.replaceAll("\\D", "");
    }

    /** One conversation's placeholder registry: value to placeholder, and back. */
    private static final class Placeholders {
        final Map<String, String> originals = new LinkedHashMap<>();
        final Map<String, String> byValue = new LinkedHashMap<>();
        final Map<Kind, Integer> counters = new EnumMap<>(Kind.class);
        final Pattern names;

        Placeholders(List<String> knownNames) {
            if (knownNames.isEmpty()) {
                names = null;
            } else {
                StringBuilder b = new StringBuilder("(?<![\\w@.])@?(?:");
                for (int i = 0; i < knownNames.size(); i++) {
                    if (i > 0) b.append('|');
                    b.append(Pattern.quote(knownNames.get(i)));
                }
                names = Pattern.compile(b.append(")(?![\\w@])").toString(), Pattern.CASE_INSENSITIVE);
            }
        }

        String placeholder(Kind kind, String value) {
            // exact spelling: restore() must give back exactly what was written
            String key = kind + "\u0000" + value;
            return byValue.computeIfAbsent(key, k -> {
                int n = counters.merge(kind, 1, Integer::sum);
                String ph = "[" + kind + "_" + n + "]";
                originals.put(ph, value);
                return ph;
            });
        }

        String redact(String text) {
            if (text == null || text.isEmpty()) return text;
            String t = text;
            t = replace(t, EMAIL, 0, Kind.EMAIL, v -> true);
            t = replace(t, IBAN, 0, Kind.IBAN, PiiRedactor::ibanChecksum);
            t = replace(t, CARD, 0, Kind.CARD, v -> luhn(digitsOf(v)));
            t = replace(t, ACCOUNT_WITH_KEYWORD, 1, Kind.ACCOUNT, v -> true);
            t = replace(t, ACCOUNT_CODE, 0, Kind.ACCOUNT, v -> true);
            t = replace(t, PHONE, 0, Kind.PHONE, v -> {
                int n = digitsOf(v).length();
                // 9+ digits, and not an ISO date or a dotted version/amount
                return n >= 9 && n <= 15 && !ISO_DATE.matcher(v).lookingAt();
            });
            t = replace(t, ADDRESS, 0, Kind.ADDRESS, v -> true);
            if (names != null) t = replaceNames(t);
            return t;
        }

        private String replaceNames(String t) {
            Matcher m = names.matcher(t);
            StringBuilder out = new StringBuilder(t.length());
            while (m.find()) {
                if (insidePlaceholder(t, m.start())) {
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                    continue;
                }
                String found = m.group();
                boolean handle = found.startsWith("@");
                String name = handle ? found.substring(1) : found;
                String ph = placeholder(Kind.NAME, name);
                m.appendReplacement(out, Matcher.quoteReplacement(handle ? "@" + ph : ph));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String replace(String t, Pattern pattern, int group, Kind kind, Predicate<String> accept) {
            Matcher m = pattern.matcher(t);
            StringBuilder out = new StringBuilder(t.length());
            int last = 0;
            while (m.find()) {
                String value = m.group(group);
                if (value == null || insidePlaceholder(t, m.start(group)) || !accept.test(value)) continue;
                out.append(t, last, m.start(group)).append(placeholder(kind, value));
                last = m.end(group);
            }
            return last == 0 ? t : out.append(t, last, t.length()).toString();
        }

        private static boolean insidePlaceholder(String t, int at) {
            Matcher m = PLACEHOLDER.matcher(t);
            while (m.find()) {
                if (m.start() <= at && at < m.end()) return true;
                if (m.start() > at) break;
            }
            return false;
        }
    }
}
