package io.cxscore.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the production langchain4j client for the configured provider: temperature 0, the configured timeout,
 * no request logging (a logged request would carry the transcript), and no retries of its own (the judge
 * retries, honouring Retry-After). The API key is read here, from the environment, and goes only to the client.
 */
public final class ChatModels {
    private ChatModels() {}

    public static ChatModel build(LlmJudgeConfig c, Function<String, String> environment) {
        String key = null;
        if (c.apiKeyEnv() != null && !c.apiKeyEnv().isBlank()) {
            key = environment.apply(c.apiKeyEnv());
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("api_key_env: the environment variable " + c.apiKeyEnv() + " is not set");
            }
        }
        var http = HeaderAwareHttpClient.builder(c.timeout());
        return switch (c.provider()) {
            case "openai" -> OpenAiChatModel.builder().httpClientBuilder(http)
                    .baseUrl(c.baseUrl() != null ? c.baseUrl() : "https://api.openai.com/v1")
                    // OpenAI-compatible local servers (vLLM, llama.cpp) accept any key; the client insists on one
                    .apiKey(key != null ? key : "none").modelName(c.model()).temperature(0.0)
                    .maxTokens(c.maxOutputTokens()).timeout(c.timeout()).maxRetries(0).strictJsonSchema(true)
                    .logRequests(false).logResponses(false).build();
            case "anthropic" -> AnthropicChatModel.builder().httpClientBuilder(http)
                    .baseUrl(c.baseUrl() != null ? c.baseUrl() : "https://api.anthropic.com/v1/")
                    .apiKey(key).modelName(c.model()).temperature(0.0).maxTokens(c.maxOutputTokens())
                    // the system prompt is the same for every conversation: let Anthropic cache it
                    .cacheSystemMessages(true)
                    .timeout(c.timeout()).maxRetries(0).logRequests(false).logResponses(false).build();
            case "ollama" -> OllamaChatModel.builder().httpClientBuilder(http)
                    .baseUrl(c.baseUrl() != null ? c.baseUrl() : "http://localhost:11434")
                    .modelName(c.model()).temperature(0.0).numPredict(c.maxOutputTokens()).timeout(c.timeout())
                    .maxRetries(0).logRequests(false).logResponses(false).build();
            default -> throw new IllegalArgumentException("provider: '" + c.provider() + "' is not supported");
        };
    }

    /** The answer schema file as the provider's structured-output format. */
    public static ResponseFormat responseFormat(String answerSchemaJson) {
        try {
            JsonNode root = new ObjectMapper().readTree(answerSchemaJson);
            return ResponseFormat.builder().type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder().name("cx_judge_answer").rootElement(element(root, "")).build()).build();
        } catch (IOException e) {
            throw new IllegalArgumentException("answer schema: not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The answer schema as the clients put it on the wire (compact JSON of what {@link #responseFormat} keeps:
     * types, properties, required, enums; no ranges, titles or descriptions): what a provider that injects the
     * schema into the prompt gives the model, at most.
     */
    public static String schemaAsSent(String answerSchemaJson) {
        try {
            return compactSchema(new ObjectMapper().readTree(answerSchemaJson)).toString();
        } catch (IOException e) {
            throw new IllegalArgumentException("answer schema: not valid JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode compactSchema(JsonNode n) {
        var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        JsonNode type = n.get("type");
        if (type != null && type.isArray()) {
            var any = out.putArray("anyOf");
            for (JsonNode variant : typeVariants(n)) any.add(compactSchema(variant));
            return out;
        }
        String t = type == null ? "" : type.asText();
        out.put("type", t);
        if (n.has("enum")) {
            var values = out.putArray("enum");
            n.get("enum").forEach(values::add);
            return out;
        }
        if (t.equals("object")) {
            var props = out.putObject("properties");
            n.path("properties").fields().forEachRemaining(p -> props.set(p.getKey(), compactSchema(p.getValue())));
            out.set("required", n.path("required").deepCopy());
            out.put("additionalProperties", false);
        } else if (t.equals("array")) {
            out.set("items", compactSchema(n.get("items")));
        }
        return out;
    }

    /**
     * A schema whose type is a list ({@code ["string", "null"]}) as one schema per type, in order: {@code {"type":
     * "null"}} for null, else a copy with that type and without null among its enum values. Both renderings of the
     * schema (the client's element tree and the text a provider is given) make their anyOf from these.
     */
    private static List<JsonNode> typeVariants(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode t : n.get("type")) {
            if ("null".equals(t.asText())) {
                out.add(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("type", "null"));
                continue;
            }
            var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) n.deepCopy()).put("type", t.asText());
            if (copy.has("enum")) {
                var values = copy.withArray("enum");
                for (int i = values.size() - 1; i >= 0; i--) if (values.get(i).isNull()) values.remove(i);
            }
            out.add(copy);
        }
        return out;
    }

    static JsonSchemaElement element(JsonNode n, String at) {
        JsonNode type = n.get("type");
        if (type != null && type.isArray()) {
            List<JsonSchemaElement> any = new ArrayList<>();
            for (JsonNode variant : typeVariants(n)) {
                any.add("null".equals(variant.path("type").asText()) ? new JsonNullSchema() : element(variant, at));
            }
            return JsonAnyOfSchema.builder().anyOf(any).build();
        }
        String t = type == null ? "" : type.asText();
        if (n.has("enum")) {
            List<String> values = new ArrayList<>();
            n.get("enum").forEach(v -> values.add(v.asText()));
            return JsonEnumSchema.builder().enumValues(values).build();
        }
        return switch (t) {
            case "object" -> {
                JsonObjectSchema.Builder b = JsonObjectSchema.builder();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    b.addProperty(p.getKey(), element(p.getValue(), at + "." + p.getKey()));
                }
                List<String> required = new ArrayList<>();
                n.path("required").forEach(r -> required.add(r.asText()));
                yield b.required(required).additionalProperties(false).build();
            }
            case "array" -> JsonArraySchema.builder().items(element(n.get("items"), at + "[]")).build();
            case "string" -> JsonStringSchema.builder().build();
            case "number" -> JsonNumberSchema.builder().build();
            case "integer" -> JsonIntegerSchema.builder().build();
            default -> throw new IllegalArgumentException("answer schema" + at + ": type '" + t + "' is not supported");
        };
    }
}
