package io.cxscore.stream;

import io.cxscore.core.ingest.QuarantineRecord;
import io.cxscore.core.rubric.RubricLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Numbers the versions of whole conversations (files, conversations topic), keyed by id, with the
 * batch job's rule for an id seen twice: the copy closed last wins. A later copy with new content
 * becomes the next version and supersedes the earlier one; a copy with the same content (a file
 * dropped twice, a redelivered record) or one closed earlier than what was scored goes to quarantine
 * with {@code field = id}, so nothing is scored twice and nothing is dropped.
 *
 * <p>What it remembers per id (version, close time, content hash) expires {@code retention} after the
 * last update (wall clock, Flink state TTL); after that a copy counts as new again, at version 1.
 */
public class ConversationVersions extends KeyedProcessFunction<String, ClosedConversation, ClosedConversation> {
    public static final OutputTag<QuarantineRow> QUARANTINE = new OutputTag<>("version-quarantine") {};

    private final Duration retention;
    /** f0 version, f1 closedAt, f2 content hash */
    private transient ValueState<Tuple3<Integer, Long, String>> latest;

    public ConversationVersions(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void open(OpenContext ctx) {
        ValueStateDescriptor<Tuple3<Integer, Long, String>> d = new ValueStateDescriptor<>("latest",
                TypeInformation.of(new TypeHint<Tuple3<Integer, Long, String>>() {}));
        d.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
        latest = getRuntimeContext().getState(d);
    }

    @Override
    public void processElement(ClosedConversation c, Context ctx, Collector<ClosedConversation> out) throws Exception {
        String hash = RubricLoader.sha256(c.conversationJson.getBytes(StandardCharsets.UTF_8));
        Tuple3<Integer, Long, String> seen = latest.value();
        if (seen != null && (seen.f2.equals(hash) || c.closedAt < seen.f1)) {
            String why = seen.f2.equals(hash)
                    ? "duplicate conversation id: the same content was already scored as version " + seen.f0
                    : "duplicate conversation id: a copy closed later was already scored as version " + seen.f0;
            ctx.output(QUARANTINE, QuarantineRow.of(new QuarantineRecord(c.origin, c.position, c.conversationId, "id", why, ""),
                    System.currentTimeMillis()));
            return;
        }
        int version = seen == null ? 1 : seen.f0 + 1;
        latest.update(Tuple3.of(version, c.closedAt, hash));
        c.version = version;
        out.collect(c);
    }
}
