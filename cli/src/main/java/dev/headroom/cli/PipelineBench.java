package dev.headroom.cli;

import dev.headroom.core.run.RunSpec;
import dev.headroom.core.variant.VariantPresets;
import dev.headroom.localstack.HeadroomHome;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * The pipeline's own ceiling: a run of MMLU items × variants for one in-process sim model (it answers at once)
 * through generator, worker, scorer and aggregator into Postgres, beside the bare Kafka hop on the same broker
 * (the same number of records of the prompt tasks' mean size, produced and consumed with plain kafka-clients).
 * Also the resident memory of each service at 10%, 50% and 100% of the run, and the database's size at the end.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Pipeline ceiling with an instant in-process sim model, beside the bare Kafka hop on the same broker.")
public class PipelineBench implements Callable<Integer> {

    private static final String MODEL = "sim-7b-base";
    private static final String BARE_TOPIC = "bench.bare-hop";
    private static final double[] RSS_MARKS = {0.1, 0.5, 1.0};

    @Mixin
    MmluOption mmlu;

    @Option(names = "--items", defaultValue = "14042", description = "Test items (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--variants", defaultValue = "4", description = "Variants of the FormatSpread grid, at most 144 (default ${DEFAULT-VALUE}).")
    int variants;

    @Option(names = "--concurrency", defaultValue = "64", description = "The worker's concurrency (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--timeout-minutes", defaultValue = "120", description = "Give up after this long (default ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    @Override
    public Integer call() throws Exception {
        measure(System.out).print(System.out);
        return 0;
    }

    /**
     * What one run measured.
     *
     * @param bareBytes     size of each bare-hop record: the prompt tasks' mean
     * @param bareRate      bare Kafka hop, records per second
     * @param databaseBytes Postgres database size at the end
     * @param cpuSeconds    CPU seconds per process during the run
     */
    record Result(long tasks, int variants, int concurrency, Progress progress, long bareBytes, double bareRate,
                  long databaseBytes, Map<String, Double> cpuSeconds) {

        double ratio() {
            return progress.middleRate() / bareRate;
        }

        void print(PrintStream out) {
            out.printf("%n| what | value |%n| --- | --- |%n");
            out.printf("| tasks | %,d (%,d items × %d variants, 1 in-process sim model, worker concurrency %d) |%n",
                    tasks, tasks / variants, variants, concurrency);
            out.printf("| wall time, submit to last score visible | %.1f s |%n", progress.wallSeconds());
            out.printf("| pipeline: scored tasks/s between 10%% and 90%% | %,.0f |%n", progress.middleRate());
            out.printf("| pipeline: scored tasks/s over the whole run | %,.0f |%n", tasks / progress.wallSeconds());
            out.printf("| bare Kafka hop: records/s (%,d records of %,d bytes, the prompt tasks' mean) | %,.0f |%n",
                    tasks, bareBytes, bareRate);
            out.printf("| ratio pipeline / bare hop | %.3f |%n", ratio());
            out.printf("| Postgres database size at the end | %,.0f MiB |%n", databaseBytes / 1048576.0);
            out.printf("%n| process | RSS at 10%% (MiB) | at 50%% | at 100%% | CPU seconds during the run | CPU ms per task |%n");
            out.printf("| --- | --- | --- | --- | --- | --- |%n");
            cpuSeconds.forEach((name, cpu) -> out.printf("| %s | %d | %d | %d | %.1f | %.3f |%n", name,
                    progress.rss().get(0).get(name), progress.rss().get(1).get(name), progress.rss().get(2).get(name),
                    cpu, 1000 * cpu / tasks));
        }
    }

    /** Starts a local stack, runs, measures, stops it; progress lines go to {@code out}. */
    Result measure(PrintStream out) throws Exception {
        Path home = HeadroomHome.resolve();
        Path data = mmlu.data(home);
        Path workDir = Files.createTempDirectory("headroom-pipeline-");
        Result result;
        try (LocalStack stack = LocalStack.start(home, workDir, new LocalStack.Options(List.of(MODEL),
                Map.of("mmlu", data), null, 1, List.of("-Dheadroom.worker.max-concurrency=" + concurrency)), out)) {
            RunSpec spec = new RunSpec(null, "mmlu", "test", List.of(), items,
                    VariantPresets.formatSpread().subList(0, variants), List.of(MODEL));
            long tasks = (long) Math.min(items, 14042) * variants;
            Map<String, Long> processes = stack.processIds();
            Map<String, Double> cpuBefore = cpuSeconds(processes);
            long submitted = System.nanoTime();
            String runId = stack.client().submit(spec);
            out.printf("run %s: %,d tasks submitted%n", runId, tasks);
            Progress progress = follow(stack, runId, tasks, submitted, processes, out);
            Map<String, Double> cpu = cpuSeconds(processes);
            cpu.replaceAll((name, after) -> after - cpuBefore.get(name));
            long bareBytes = meanPromptBytes(stack.broker().bootstrapServers(), "prompts." + MODEL);
            double bareRate = bareHop(stack.broker().bootstrapServers(), tasks, (int) bareBytes);
            result = new Result(tasks, variants, concurrency, progress, bareBytes, bareRate, databaseSize(stack), cpu);
        }
        DemoCommand.deleteRecursively(workDir);
        return result;
    }

    /**
     * @param middleRate  scored tasks per second between 10% and 90% of the run
     * @param wallSeconds from submission to the last score visible in the REST summary
     * @param rss         resident memory per service at each of {@link #RSS_MARKS}
     */
    record Progress(double middleRate, double wallSeconds, List<Map<String, Long>> rss) {
    }

    private Progress follow(LocalStack stack, String runId, long tasks, long submitted, Map<String, Long> processes,
                            PrintStream out) throws InterruptedException {
        long deadline = submitted + Duration.ofMinutes(timeoutMinutes).toNanos();
        long tenPercentAt = -1;
        long tenPercentCount = 0;
        double middleRate = Double.NaN;
        List<Map<String, Long>> rss = new ArrayList<>();
        while (System.nanoTime() - deadline < 0) {
            long scored = stack.client().summary(runId).scored(MODEL);
            long now = System.nanoTime();
            if (tenPercentAt < 0 && scored >= tasks / 10) {
                tenPercentAt = now;
                tenPercentCount = scored;
            }
            if (Double.isNaN(middleRate) && scored >= tasks * 9 / 10) {
                middleRate = (scored - tenPercentCount) / ((now - tenPercentAt) / 1e9);
            }
            while (rss.size() < RSS_MARKS.length && scored >= Math.round(tasks * RSS_MARKS[rss.size()])) {
                rss.add(residentMiB(processes));
                out.printf("%,d of %,d scored after %.0f s; RSS (MiB) %s%n", scored, tasks, (now - submitted) / 1e9,
                        rss.get(rss.size() - 1));
            }
            if (scored >= tasks) {
                return new Progress(middleRate, (now - submitted) / 1e9, rss);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the run did not finish within " + timeoutMinutes + " minutes");
    }

    private static Map<String, Long> residentMiB(Map<String, Long> processes) {
        Map<String, Long> resident = new LinkedHashMap<>();
        processes.forEach((name, pid) -> resident.put(name, ProcessStats.residentMiB(pid)));
        return resident;
    }

    private static Map<String, Double> cpuSeconds(Map<String, Long> processes) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.forEach((name, pid) -> seconds.put(name, ProcessStats.cpuSeconds(pid)));
        return seconds;
    }

    /** The mean value size of the first thousand prompt tasks on the model's topic. */
    private static long meanPromptBytes(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = readerFromStart(bootstrap, topic)) {
            long bytes = 0;
            long records = 0;
            while (records < 1000) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    bytes += record.value().length;
                    records++;
                }
            }
            return bytes / records;
        }
    }

    /**
     * Produces {@code records} records of {@code size} bytes with the generator's producer settings and consumes them
     * in another thread; the rate runs from the first send to the last record consumed.
     */
    private static double bareHop(String bootstrap, long records, int size) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(BARE_TOPIC, 4, (short) 1))).all().get();
        }
        byte[] value = new byte[size];
        Arrays.fill(value, (byte) 'x');
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = readerFromStart(bootstrap, BARE_TOPIC);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties)) {
            long started = System.nanoTime();
            CompletableFuture<Void> consumed = CompletableFuture.runAsync(() -> {
                long seen = 0;
                while (seen < records) {
                    seen += consumer.poll(Duration.ofMillis(200)).count();
                }
            });
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(BARE_TOPIC, Long.toString(i).getBytes(), value));
            }
            producer.flush();
            consumed.get();
            return records / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** A consumer of every partition of the topic, from its first record, without a group. */
    private static KafkaConsumer<byte[], byte[]> readerFromStart(String bootstrap, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static long databaseSize(LocalStack stack) throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), stack.database().user(),
                stack.database().password());
             ResultSet size = connection.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
            size.next();
            return size.getLong(1);
        }
    }
}
