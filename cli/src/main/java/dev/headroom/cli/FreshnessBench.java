package dev.headroom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.message.Messages;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.Score;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.variant.Variant;
import dev.headroom.localstack.HeadroomHome;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Freshness of the aggregator: scores produced straight into {@code scores} at a steady rate, the REST summary
 * polled meanwhile. A score counts as visible at the first poll whose scored count covers it, taking scores to
 * become visible in the order they were produced (across the topic's partitions this holds up to a batch).
 */
@Command(name = "freshness", mixinStandardHelpOptions = true,
        description = "Produce scores at a steady rate into the local stack; report produced-to-visible latency in the REST summary.")
public class FreshnessBench implements Callable<Integer> {

    private static final String MODEL = "freshness-bench";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--rate", defaultValue = "1000", description = "Scores per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "30", description = "How long to produce (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--poll-ms", defaultValue = "100", description = "Interval between summary polls (default ${DEFAULT-VALUE}).")
    long pollMillis;

    @Override
    public Integer call() throws Exception {
        measure(System.out);
        return 0;
    }

    /** Produced-to-visible latencies in milliseconds over some of the scores; null fields when none was visible. */
    record Latencies(String label, int scores, Double p50, Double p90, Double p99, Double max) {
    }

    /**
     * @param all        over every score
     * @param afterStart over the scores after the first 5 s
     * @param histogram  the aggregator's own histogram's p50 and p99 bounds, as text
     */
    record Result(int produced, double producedPerSecond, int visible, Latencies all, Latencies afterStart,
                  String histogram) {
    }

    /** Starts a local stack without workers, produces, polls, stops it; lines go to {@code out}. */
    Result measure(PrintStream out) throws Exception {
        Path workDir = Files.createTempDirectory("headroom-freshness-");
        int total = rate * seconds;
        long[] producedAt = new long[total];
        long[] visibleAt = new long[total];
        Result result;
        try (LocalStack stack = LocalStack.start(HeadroomHome.resolve(), workDir,
                new LocalStack.Options(List.of(), Map.of(), null, 1, List.of()), out)) {
            String runId = "freshness-" + System.currentTimeMillis();
            warmUp(stack, runId + "-warm-up", out);
            AtomicInteger produced = new AtomicInteger();
            Thread producer = new Thread(() -> produce(stack, runId, total, producedAt, produced), "freshness-producer");
            long begin = System.nanoTime();
            producer.start();
            int visible = 0;
            long deadline = begin + (seconds + 60) * 1_000_000_000L;
            while (visible < total && System.nanoTime() < deadline) {
                Thread.sleep(pollMillis);
                int scored = (int) Math.min(stack.client().summary(runId).scored(MODEL), produced.get());
                long now = System.nanoTime();
                for (; visible < scored; visible++) {
                    visibleAt[visible] = now;
                }
            }
            producer.join();
            double producing = (producedAt[total - 1] - begin) / 1e9;
            out.printf("produced %d scores in %.1f s (%.0f/s), %d visible in the REST summary, polled every %d ms%n",
                    total, producing, total / producing, visible, pollMillis);
            Latencies all = latencies("all scores", producedAt, visibleAt, 0, visible);
            Latencies afterStart = latencies("after the first 5 s", producedAt, visibleAt, Math.min(visible, rate * 5), visible);
            print(all, out);
            print(afterStart, out);
            String histogram = histogramQuantiles(stack);
            out.println("the aggregator's own headroom_score_freshness_seconds (Kafka timestamp to committed row, warm-up "
                    + "included): " + histogram);
            result = new Result(total, total / producing, visible, all, afterStart, histogram);
        }
        DemoCommand.deleteRecursively(workDir);
        return result;
    }

    /**
     * One score per partition's worth, waited for: the measurement starts once the topic exists and the aggregator's
     * consumer has its partitions, which on a fresh stack takes seconds that are start-up, not freshness.
     */
    private static void warmUp(LocalStack stack, String runId, PrintStream out) throws Exception {
        long begin = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(stack)) {
            for (int sequence = 0; sequence < 100; sequence++) {
                Score score = score(runId, sequence);
                producer.send(new ProducerRecord<>("scores", score.header().taskId(), JSON.writeValueAsString(score)));
            }
        }
        while (stack.client().summary(runId).scored(MODEL) < 100) {
            if (System.nanoTime() - begin > 120_000_000_000L) {
                throw new IllegalStateException("the aggregator stored no warm-up score within 120 s");
            }
            Thread.sleep(100);
        }
        out.printf("warm-up: 100 scores visible after %.1f s (topic creation, consumer group join)%n",
                (System.nanoTime() - begin) / 1e9);
    }

    private static KafkaProducer<String, String> producer(LocalStack stack) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 5));
    }

    private void produce(LocalStack stack, String runId, int total, long[] producedAt, AtomicInteger produced) {
        try (KafkaProducer<String, String> producer = producer(stack)) {
            long begin = System.nanoTime();
            for (int sequence = 0; sequence < total; sequence++) {
                long due = begin + sequence * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                Score score = score(runId, sequence);
                producedAt[sequence] = System.nanoTime();
                producer.send(new ProducerRecord<>("scores", score.header().taskId(), JSON.writeValueAsString(score)));
                produced.set(sequence + 1);
            }
        } catch (Exception e) {
            throw new IllegalStateException("producing scores failed", e);
        }
    }

    private static Score score(String runId, int sequence) {
        String itemId = "bench/freshness/test/" + sequence;
        TaskHeader header = new TaskHeader(TaskHeader.taskId(runId, MODEL, itemId, Variant.PLAIN.id()), runId, MODEL,
                itemId, "bench", "freshness", Variant.PLAIN, List.of("w", "x", "y", "z"), List.of("A", "B", "C", "D"),
                List.of(0, 1, 2, 3), sequence % 4);
        return new Score(Messages.SCHEMA_VERSION, header, sequence % 3 == 0 ? Outcome.INCORRECT : Outcome.CORRECT,
                sequence % 3 == 0 ? (sequence + 1) % 4 : sequence % 4, null, null);
    }

    /** The 50th and 99th percentile as the upper bound of the histogram bucket they fall in. */
    private static String histogramQuantiles(LocalStack stack) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                stack.url("aggregator").resolve("/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Map<Double, Double> buckets = new TreeMap<>();
        metrics.body().lines().filter(line -> line.startsWith("headroom_score_freshness_seconds_bucket{")).forEach(line -> {
            String le = line.substring(line.indexOf("le=\"") + 4, line.indexOf('"', line.indexOf("le=\"") + 4));
            buckets.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le),
                    Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
        });
        double count = buckets.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        return String.format("%.0f scores, p50 ≤ %s s, p99 ≤ %s s", count, bucketOf(buckets, 0.50 * count),
                bucketOf(buckets, 0.99 * count));
    }

    private static double bucketOf(Map<Double, Double> cumulative, double rank) {
        return cumulative.entrySet().stream().filter(bucket -> bucket.getValue() >= rank).findFirst()
                .map(Map.Entry::getKey).orElse(Double.NaN);
    }

    private static Latencies latencies(String label, long[] producedAt, long[] visibleAt, int from, int to) {
        if (to <= from) {
            return new Latencies(label, 0, null, null, null, null);
        }
        double[] latencies = new double[to - from];
        for (int i = from; i < to; i++) {
            latencies[i - from] = (visibleAt[i] - producedAt[i]) / 1e6;
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(latencies);
        return new Latencies(label, latencies.length, percentile.evaluate(50), percentile.evaluate(90),
                percentile.evaluate(99), Arrays.stream(latencies).max().orElseThrow());
    }

    private static void print(Latencies latencies, PrintStream out) {
        if (latencies.scores() == 0) {
            out.println(latencies.label() + ": none visible");
            return;
        }
        out.printf("%s (%d): produced to visible p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                latencies.label(), latencies.scores(), latencies.p50(), latencies.p90(), latencies.p99(),
                latencies.max());
    }
}
