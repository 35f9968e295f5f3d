package io.cxscore.stream.tools;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka KRaft broker (combined broker and controller) in a child JVM, from the jars
 * the {@code cx-kafka-broker} module copies out of Maven Central. It runs apart from Flink's JVM
 * because the connector's kafka-clients and the broker's own are different versions.
 */
public final class LocalKafkaBroker implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path logFile;
    /** stops the broker if the caller exits without close() (System.exit, a killed test JVM) */
    private final Thread stopOnExit;

    private LocalKafkaBroker(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.stopOnExit = new Thread(process::destroy, "stop-kafka-broker");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * @param brokerLib the folder of broker jars ({@code jobs/kafka-broker/target/broker-lib})
     * @param workDir where its data and log go
     */
    public static LocalKafkaBroker start(Path brokerLib, Path workDir) throws IOException, InterruptedException {
        if (!Files.isDirectory(brokerLib)) {
            throw new IllegalStateException("no Kafka broker jars at " + brokerLib + ": build them with `mvn -pl jobs/kafka-broker generate-resources`");
        }
        Files.createDirectories(workDir);
        int port = freePort();
        int controllerPort = freePort();
        Path data = workDir.resolve("data");
        Path props = workDir.resolve("server.properties");
        Files.writeString(props, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data.toAbsolutePath(),
                "num.partitions=1",
                // one broker: every internal topic must make do with one replica, or consumers and transactions hang
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.flush.interval.messages=1000000",
                ""), StandardCharsets.UTF_8);
        Path logFile = workDir.resolve("broker.log");
        String classpath = brokerLib.toAbsolutePath() + File.separator + "*";
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String clusterId = clusterId();
        Process format = new ProcessBuilder(javaBin, "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", props.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("format.log").toFile()).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("formatting Kafka storage failed: " + Files.readString(workDir.resolve("format.log")));
        }
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + writeLogConfig(workDir), "-cp", classpath, "kafka.Kafka", props.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        LocalKafkaBroker broker = new LocalKafkaBroker(p, port, logFile);
        broker.awaitPort(Duration.ofSeconds(60));
        return broker;
    }

    private static String writeLogConfig(Path workDir) throws IOException {
        Path f = workDir.resolve("log4j2.properties");
        Files.writeString(f, "rootLogger.level=WARN\nrootLogger.appenderRef.out.ref=out\nappender.out.type=Console\nappender.out.name=out\n"
                + "appender.out.layout.type=PatternLayout\nappender.out.layout.pattern=%d %p %c{1} %m%n\n");
        return f.toAbsolutePath().toString();
    }

    private void awaitPort(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("Kafka broker exited: " + Files.readString(logFile));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Kafka broker did not open its port in " + timeout + ": " + Files.readString(logFile));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running and stops the broker
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    /**
     * A Kafka cluster id: 16 random bytes in URL-safe base64 without padding, never starting with '-', which the
     * storage tool would read as an option (one start in 64 failed so, as Kafka's own Uuid.randomUuid avoids).
     */
    static String clusterId() {
        while (true) {
            java.nio.ByteBuffer id = java.nio.ByteBuffer.allocate(16);
            UUID u = UUID.randomUUID();
            id.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            String s = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(id.array());
            if (!s.startsWith("-")) return s;
        }
    }
}
