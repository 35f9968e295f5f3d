package io.cxscore.batch;

import io.cxscore.core.gaps.GapClassifier;
import io.cxscore.core.gaps.GapFinding;
import io.cxscore.core.gaps.GapOwner;
import io.cxscore.core.gaps.GapOwners;
import io.cxscore.core.ingest.CxJsonl;
import io.cxscore.core.ingest.QuarantineRecord;
import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.score.JudgeResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Turns core objects into rows of {@link WarehouseSchema#PARSED}. */
final class ParsedRows {
    /** Batch sees each conversation once per run: its rows are always version 1 (see {@link WarehouseSchema}). */
    static final int BATCH_VERSION = 1;

    private ParsedRows() {}

    static Row scored(Conversation c, JudgeResult r, GapClassifier classifier, GapOwners owners, String source, String position) {
        return RowFactory.create(conversation(c), score(c, r), null, RowFactory.create(source, position),
                seq(gaps(c, r, classifier, owners)));
    }

    static Row quarantined(QuarantineRecord q, LocalDate day) {
        return RowFactory.create(null, null, RowFactory.create(q.source(), q.position(), q.recordId(), q.field(),
                q.reason(), q.excerpt(), day), RowFactory.create(q.source(), q.position()), null);
    }

    /** The judge's gap findings as {@link WarehouseSchema#GAP_INSTANCE} rows, each with its one owner. */
    static List<Row> gaps(Conversation c, JudgeResult r, GapClassifier classifier, GapOwners owners) {
        if (r.gaps().isEmpty()) return List.of();
        String topic = classifier.topic(c);
        List<Row> rows = new ArrayList<>(r.gaps().size());
        for (GapFinding f : r.gaps()) {
            GapOwner o = owners.resolve(f.category(), c.brand(), c.queue(), topic);
            rows.add(RowFactory.create(c.id(), classifier.taxonomyVersion(), f.category(), f.subcategory(), f.confidence(),
                    classifier.notifies(f),
                    seq(f.evidence()), f.aiFault(), f.foundBy(), f.subject(), f.rationale(), topic, o.team(), o.contact(),
                    o.channel(), o.isDefault(), GapClassifier.inAiTurn(f, c), r.provenance().judge(), classifier.model(),
                    classifier.paramHash(), c.day()));
        }
        return rows;
    }

    static Row conversation(Conversation c) {
        List<Row> messages = new ArrayList<>(c.messages().size());
        int customer = 0;
        for (Message m : c.messages()) {
            messages.add(RowFactory.create(m.index(), m.role().wireName(), m.author(), m.text(), m.at(), m.isPublic()));
            if (m.role() == Role.CUSTOMER) customer++;
        }
        int failed = 0;
        for (AgentAction a : c.actions()) if (a.failed()) failed++;
        return RowFactory.create(c.id(), c.source(), c.channel(), c.brand(), c.team(), c.queue(), c.cohort(),
                c.openedAt(), c.closedAt(), handledBy(c), c.messages().size(), customer, c.transfers().size(),
                c.actions().size(), failed, c.csat(), CxJsonl.contentHash(c), seq(messages),
                CollectionConverters.asScala(new TreeMap<>(c.metadata())), BATCH_VERSION, c.day());
    }

    static String handledBy(Conversation c) {
        boolean ai = c.handledByAi(), human = c.handledByHuman();
        return ai && human ? "ai_to_human" : ai ? "ai" : human ? "human" : "none";
    }

    static Row score(Conversation c, JudgeResult r) {
        var p = r.provenance();
        if (!r.isScored()) {
            Object[] v = new Object[WarehouseSchema.SCORE.size()];
            v[0] = c.id();
            v[1] = p.rubricId();
            v[2] = p.rubricVersion();
            v[3] = p.judge();
            v[4] = p.model();
            v[5] = p.paramHash();
            v[6] = r.status();
            v[7] = r.statusReason();
            v[v.length - 2] = BATCH_VERSION;
            v[v.length - 1] = c.day();
            return RowFactory.create(v);
        }
        var res = r.resolution();
        var s = r.sentiment();
        var e = r.effort();
        var sig = e.signals();
        var cx = r.cx();
        return RowFactory.create(c.id(), p.rubricId(), p.rubricVersion(), p.judge(), p.model(), p.paramHash(),
                r.status(), r.statusReason(), res.label().wireName(), res.value(), res.confidence(), seq(res.evidence()),
                s.start(), s.end(), s.shift(), s.confidence(), seq(s.evidence()), e.score(), e.value(), e.confidence(),
                seq(e.evidence()), sig.customerTurns(), sig.repeats(), sig.rephrasings(), sig.transfers(), sig.botLoops(),
                sig.maxWaitSeconds(), cx.score(), cx.raw(), cx.contributions().get("resolution"),
                cx.contributions().get("sentiment_shift"), cx.contributions().get("effort"), cx.confidence(),
                r.explanation(), BATCH_VERSION, c.day());
    }

    static <T> Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toList();
    }
}
