package io.cxscore.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The published schema and the parser must agree: what one accepts the other accepts. */
class ConversationSchemaTest {
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ConversationSchemaTest.class.getResourceAsStream("/schema/conversation.schema.json")) {
            assertThat(in).as("schema on the classpath").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static boolean parses(JsonNode n) {
        try {
            CxJsonl.parse(n, "cx-jsonl");
            return true;
        } catch (RecordException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}]}",
        "{\"id\": 42, \"source\": \"zendesk\", \"channel\": \"email\", \"brand\": 7, \"team\": null, \"csat\": 5,"
                + " \"opened_at\": \"2024-03-01T09:00:00Z\", \"closed_at\": \"2024-03-01T10:00:00.123+01:00\","
                + " \"messages\": [{\"role\": \"end-user\", \"author\": \"Ana\", \"text\": \"hi\", \"at\": \"2024-03-01T09:00:00Z\"},"
                + " {\"role\": \"bot\", \"text\": \"\", \"public\": false, \"at\": \"\"}],"
                + " \"transfers\": [{\"at\": \"2024-03-01T09:30:00Z\", \"from\": \"bot\", \"to\": \"billing\", \"reason\": \"asked\", \"after_message\": 1}],"
                + " \"actions\": [{\"name\": \"refund\", \"status\": \"failed\", \"after_message\": 0, \"params\": {\"amount\": 20}}],"
                + " \"metadata\": {\"tags\": \"a,b\", \"n\": 3}, \"extra\": true,"
                + " \"labels\": {\"dialogue\": {\"S\": [-2, 0, 1]}, \"turns\": {\"1\": {\"satisfaction\": [3, 4]}}}}"
    })
    void should_accept_valid_records_in_schema_and_parser(String json) throws IOException {
        // given
        JsonNode record = CxJsonl.JSON.readTree(json);

        // when
        Set<ValidationMessage> errors = schema.validate(record);

        // then
        assertThat(errors).isEmpty();
        assertThat(parses(record)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}]}",
        "{\"id\": \"  \", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}]}",
        "{\"id\": true, \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}]}",
        "{\"id\": \"c1\", \"messages\": []}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"robot\", \"text\": \"hi\"}]}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"Customer\", \"text\": \"hi\"}]}",
        "{\"id\": \"c1\", \"messages\": [{\"text\": \"hi\"}]}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": 3}]}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\", \"public\": \"no\"}]}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\", \"at\": \"yesterday\"}]}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\", \"author\": {\"n\": 1}}]}",
        "{\"id\": \"c1\", \"opened_at\": \"2024-03-01 09:00\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}]}",
        "{\"id\": \"c1\", \"csat\": 0, \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}]}",
        "{\"id\": \"c1\", \"csat\": 6, \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}]}",
        "{\"id\": \"c1\", \"csat\": \"5\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}]}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}], \"transfers\": [\"billing\"]}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}], \"transfers\": [{\"after_message\": -1}]}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}], \"actions\": [{\"status\": \"ok\"}]}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}], \"actions\": [{\"name\": \" \"}]}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}], \"metadata\": [1]}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}], \"labels\": {\"dialogue\": {\"S\": [\"good\"]}}}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}], \"labels\": {\"dialogue\": {\"S\": 2}}}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}], \"labels\": {\"turns\": {\"first\": {\"S\": [1]}}}}",
        "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}], \"labels\": {\"turns\": [1]}}"
    })
    void should_reject_invalid_records_in_schema_and_parser(String json) throws IOException {
        // given
        JsonNode record = CxJsonl.JSON.readTree(json);

        // when
        Set<ValidationMessage> errors = schema.validate(record);

        // then
        assertThat(errors).as("schema errors").isNotEmpty();
        assertThat(parses(record)).as("parser accepts").isFalse();
    }
}
