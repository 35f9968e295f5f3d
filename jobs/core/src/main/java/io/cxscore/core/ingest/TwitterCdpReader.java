package io.cxscore.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads IBM's Twitter customer-care document-prediction files ({@code dev.json}, {@code test.json}): a JSON array
 * of {@code {dialogHeader: {company, conversationDateTime, duration, messageCount, sessionID},
 * dialogContent: [{client|agent: handle, datetime, message, tweet_ID}], agentURL: {doc_id, url, url_utterance}}}.
 *
 * <p>The speaker is the key naming the handle: {@code client} (also {@code client1}, a second customer in the
 * thread) is the customer, {@code agent} the brand. The agent's final link reply ({@code url_utterance}) is the
 * last message; the dataset gives it no time, so it has none. The brand is the company; {@code doc_id} and
 * {@code url} (the help-centre article that answered) go to metadata. The end time is not derived from
 * {@code duration}: in the data it is shorter than the message span for about 6% of threads.
 */
public final class TwitterCdpReader extends JsonConversationReader {
    public static final String FORMAT = "twitter-cdp";
    private static final Set<String> MESSAGE_FIELDS = Set.of("datetime", "message", "tweet_ID");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected Set<String> wrapperKeys() {
        return Set.of();
    }

    @Override
    protected RecordMapper mapperFor(Path file) {
        return (record, ordinal) -> dialogue(record);
    }

    @Override
    protected String recordId(JsonNode record) {
        JsonNode id = record.path("dialogHeader").path("sessionID");
        return id.isValueNode() && !id.isNull() ? id.asText() : null;
    }

    private static Conversation dialogue(JsonNode d) {
        JsonNode header = requiredObject(d, "dialogHeader", "dialogHeader");
        String id = requiredText(header, "sessionID", "dialogHeader.sessionID");
        String company = optText(header, "company", "dialogHeader.company");
        JsonNode content = requiredArray(d, "dialogContent", "dialogContent");
        List<Message> messages = new ArrayList<>(content.size() + 1);
        for (int i = 0; i < content.size(); i++) {
            JsonNode m = content.get(i);
            String path = "dialogContent[" + i + "]";
            if (!m.isObject()) throw new RecordException(path, "not a JSON object");
            Role role = null;
            String handle = null;
            for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (MESSAGE_FIELDS.contains(key)) continue;
                if (key.startsWith("client")) role = Role.CUSTOMER;
                else if (key.startsWith("agent")) role = Role.HUMAN_AGENT;
                else continue;
                handle = optText(m, key, path + "." + key);
            }
            if (role == null) throw new RecordException(path, "no 'client' or 'agent' key telling who wrote it");
            JsonNode text = m.get("message");
            if (text == null || !text.isTextual()) throw new RecordException(path + ".message", "missing or not a string");
            messages.add(new Message(i, role, handle, text.asText(), optIsoInstant(m, "datetime", path + ".datetime"), true));
        }
        JsonNode url = requiredObject(d, "agentURL", "agentURL");
        JsonNode reply = url.get("url_utterance");
        if (reply == null || !reply.isTextual()) throw new RecordException("agentURL.url_utterance", "missing or not a string");
        messages.add(new Message(messages.size(), Role.HUMAN_AGENT, company, reply.asText(), null, true));
        Map<String, String> metadata = new LinkedHashMap<>();
        putIfPresent(metadata, "doc_id", optText(url, "doc_id", "agentURL.doc_id"));
        putIfPresent(metadata, "url", optText(url, "url", "agentURL.url"));
        putIfPresent(metadata, "duration", optText(header, "duration", "dialogHeader.duration"));
        return new Conversation(id, FORMAT, "twitter", company, null, null, null,
                optIsoInstant(header, "conversationDateTime", "dialogHeader.conversationDateTime"), null, messages,
                null, null, null, metadata, null);
    }

    private static void putIfPresent(Map<String, String> m, String k, String v) {
        if (v != null) m.put(k, v);
    }
}
