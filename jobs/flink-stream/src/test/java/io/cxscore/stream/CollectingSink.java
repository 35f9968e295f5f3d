package io.cxscore.stream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** A test sink that keeps what it receives in memory, per name (the job runs in this JVM's MiniCluster). */
final class CollectingSink<T> implements Sink<T> {
    private static final Map<String, List<Object>> RECEIVED = new ConcurrentHashMap<>();
    private final String name;

    CollectingSink(String name) {
        this.name = name;
        RECEIVED.put(name, new CopyOnWriteArrayList<>());
    }

    @SuppressWarnings("unchecked")
    List<T> received() {
        return (List<T>) RECEIVED.get(name);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        List<Object> target = RECEIVED.get(name);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                target.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
