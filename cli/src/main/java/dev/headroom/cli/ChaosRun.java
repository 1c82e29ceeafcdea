package dev.headroom.cli;

import dev.headroom.core.run.RunSpec;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A run while every service of the local stack is killed (SIGKILL) and restarted at random moments, in shuffled
 * rounds so that each is killed as often as the others, and the broker is restarted once after the first round,
 * which always completes.
 * A generator killed while publishing loses the rest of it, so a restart of it with the run not yet published
 * resubmits the spec: the same run, the same task ids. Afterwards every expected task id (the stamps) must have exactly one score row or a dead letter,
 * no score row may be unexpected, and every running count must equal its recomputation from the rows.
 */
final class ChaosRun {

    /** What the chaos did and what it found; {@link #print} is the table of docs/reliability.md. */
    record Report(String runId, Map<String, Integer> kills, int brokerRestarts, long expected, long scored,
                  long duplicated, long deadLettered, long lost, long unexpected, long aggregateMismatches,
                  long repeatedCalls, boolean complete, Duration elapsed) {

        void print(PrintStream out) {
            out.printf("run %s: complete=%s after %.0f s%n", runId, complete, elapsed.toMillis() / 1000.0);
            out.println("| service | kills (-9) |");
            out.println("| --- | ---: |");
            kills.forEach((service, count) -> out.printf("| %s | %d |%n", service, count));
            out.printf("| broker restarts | %d |%n%n", brokerRestarts);
            out.println("| expected | scored | duplicated | dead-lettered | lost | unexpected | aggregates ≠ rows | repeated model calls |");
            out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            out.printf("| %d | %d | %d | %d | %d | %d | %d | %d |%n", expected, scored, duplicated, deadLettered, lost,
                    unexpected, aggregateMismatches, repeatedCalls);
        }
    }

    private ChaosRun() {
    }

    /**
     * @param expectedIds  the task ids the run must produce, from its id
     * @param meanInterval the mean time between two kills
     * @param rounds       rounds of kills (each service once per round), 0 for as many as the run lasts
     */
    static Report run(LocalStack stack, RunSpec spec, Function<String, Set<String>> expectedIds, Duration meanInterval,
                      int rounds, long seed, Duration timeout, PrintStream out) throws Exception {
        Instant begin = Instant.now();
        HeadroomClient client = stack.client();
        String runId = client.submit(spec);
        Set<String> expected = expectedIds.apply(runId);
        Map<String, Integer> kills = new LinkedHashMap<>();
        stack.serviceNames().forEach(service -> kills.put(service, 0));
        int[] brokerRestarts = {0};
        AtomicBoolean stopChaos = new AtomicBoolean();
        AtomicBoolean firstRoundDone = new AtomicBoolean();
        Random random = new Random(seed);
        Thread chaos = new Thread(() -> {
            try {
                for (int round = 0; !stopChaos.get() && (rounds == 0 || round < rounds); round++) {
                    List<String> order = new ArrayList<>(stack.serviceNames());
                    Collections.shuffle(order, random);
                    for (String service : order) {
                        if (pause(meanInterval, random, stopChaos)) {
                            return;
                        }
                        stack.kill(service);
                        kills.merge(service, 1, Integer::sum);
                        out.printf("chaos: killed %s (-9)%n", service);
                        Thread.sleep(random.nextInt(2000));
                        stack.restart(service);
                        if (service.equals("prompt-generator")
                                && !"PUBLISHED".equals(client.status(runId).get("status").asText())) {
                            client.submit(spec);
                        }
                    }
                    if (round == 0) {
                        out.println("chaos: restarting the broker");
                        stack.broker().restart();
                        brokerRestarts[0]++;
                        firstRoundDone.set(true);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                out.println("chaos stopped: " + e);
            }
        }, "chaos");
        chaos.start();
        boolean complete = awaitComplete(client, runId, begin.plus(timeout));
        // every service killed once and the broker restarted at least, even if the run was quicker
        while (!firstRoundDone.get() && chaos.isAlive()) {
            Thread.sleep(500);
        }
        stopChaos.set(true);
        chaos.join();
        // the last kill may have come just before completion: everything is up again now, let it settle
        complete = awaitComplete(client, runId, Instant.now().plus(timeout)) && complete;

        Set<String> scored = new HashSet<>(StackDatabase.column(stack,
                "SELECT task_id FROM aggregator.scores WHERE run_id = '" + runId + "'"));
        long scoreRows = Long.parseLong(StackDatabase.column(stack,
                "SELECT count(*) FROM aggregator.scores WHERE run_id = '" + runId + "'").get(0));
        Set<String> deadLettered = new HashSet<>(StackDatabase.column(stack, "SELECT DISTINCT task_id FROM "
                + "aggregator.dead_letters WHERE run_id = '" + runId + "'"));
        deadLettered.removeAll(scored);
        Set<String> finished = new HashSet<>(scored);
        finished.addAll(deadLettered);
        Set<String> lost = new HashSet<>(expected);
        lost.removeAll(finished);
        Set<String> unexpected = new HashSet<>(finished);
        unexpected.removeAll(expected);
        long mismatches = Long.parseLong(StackDatabase.column(stack, """
                SELECT count(*) FROM aggregator.variant_summary v
                FULL JOIN (SELECT run_id, model, variant_id, count(*) AS items,
                                  count(*) FILTER (WHERE outcome = 'CORRECT') AS correct,
                                  count(*) FILTER (WHERE outcome = 'UNPARSED') AS unparsed
                           FROM aggregator.scores WHERE run_id = '%s' GROUP BY run_id, model, variant_id) r
                USING (run_id, model, variant_id)
                WHERE run_id = '%s' AND (v.items IS DISTINCT FROM r.items OR v.correct IS DISTINCT FROM r.correct
                                         OR v.unparsed IS DISTINCT FROM r.unparsed)""".formatted(runId, runId)).get(0));
        return new Report(runId, kills, brokerRestarts[0], expected.size(), scored.size(), scoreRows - scored.size(),
                deadLettered.size(), lost.size(), unexpected.size(), mismatches,
                stack.simServer().stats().repeatedAnswers(), complete, Duration.between(begin, Instant.now()));
    }

    /** Sleeps between half and one and a half mean intervals; true if the chaos is to stop. */
    private static boolean pause(Duration mean, Random random, AtomicBoolean stop) throws InterruptedException {
        long until = System.currentTimeMillis() + (long) (mean.toMillis() * (0.5 + random.nextDouble()));
        while (System.currentTimeMillis() < until) {
            if (stop.get()) {
                return true;
            }
            Thread.sleep(100);
        }
        return stop.get();
    }

    /** Polls the run's status, through the generator's restarts, until complete or the deadline. */
    private static boolean awaitComplete(HeadroomClient client, String runId, Instant deadline)
            throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            try {
                if (client.status(runId).get("complete").asBoolean()) {
                    return true;
                }
            } catch (RuntimeException generatorDown) {
                // killed a moment ago: ask again
            }
            Thread.sleep(1000);
        }
        return false;
    }
}
