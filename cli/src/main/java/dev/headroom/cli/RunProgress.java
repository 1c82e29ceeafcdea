package dev.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's progress per model as the generator reports it ({@code GET /runs/{id}}): a bar, done / total, the rate
 * since watching began, the time left at that rate, dead-lettered tasks and a failed share's error.
 */
final class RunProgress {

    private static final int BAR = 24;

    /** Per model, when watching began and how many tasks were done then. */
    private final Map<String, Long> firstDone = new HashMap<>();
    private final Instant watchingSince;

    RunProgress(Instant watchingSince) {
        this.watchingSince = watchingSince;
    }

    /**
     * Polls until the run is complete or the deadline passes. With {@code redraw} (a terminal) the block is redrawn in
     * place every second; otherwise it is printed again only when a task has finished, so that a log stays short.
     */
    static JsonNode await(HeadroomClient client, String runId, Instant deadline, PrintStream out, boolean redraw) {
        RunProgress progress = new RunProgress(Instant.now());
        long lastDone = -1;
        int printedLines = 0;
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = client.status(runId);
            long done = status.get("scoredTasks").asLong() + status.get("deadLetteredTasks").asLong();
            String lines = progress.lines(status, Instant.now());
            if (redraw) {
                out.print((printedLines > 0 ? "\033[" + printedLines + "F\033[J" : "") + lines);
                printedLines = (int) lines.lines().count();
            } else if (done != lastDone) {
                out.print(lines);
                lastDone = done;
            }
            out.flush();
            if (status.get("complete").asBoolean()) {
                return status;
            }
            if ("FAILED".equals(status.get("status").asText())) {
                throw new IllegalStateException("run " + runId + " failed to publish its tasks (see the errors above)");
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("run " + runId + " not complete by " + deadline);
    }

    /** One line for the run, then one per model. */
    String lines(JsonNode status, Instant now) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "run %s  %s  %d / %d tasks%s%n",
                status.get("runId").asText(), status.get("status").asText(),
                status.get("scoredTasks").asLong() + status.get("deadLetteredTasks").asLong(),
                status.get("expectedTasks").asLong(), status.get("complete").asBoolean() ? "  complete" : ""));
        List<String> models = new ArrayList<>();
        status.get("progress").fieldNames().forEachRemaining(models::add);
        int width = models.stream().mapToInt(String::length).max().orElse(5);
        for (String model : models) {
            JsonNode share = status.get("progress").get(model);
            text.append(modelLine(model, width, share, now)).append('\n');
            if (share.has("budgetEstimate")) {
                text.append(budgetLine(width, share.get("budgetEstimate"), status.path("spec").path("variants"))).append('\n');
            }
        }
        return text.toString();
    }

    private String modelLine(String model, int width, JsonNode share, Instant now) {
        long expected = share.get("expected").asLong();
        long dead = share.get("deadLettered").asLong();
        long done = share.get("scored").asLong() + dead;
        long first = firstDone.computeIfAbsent(model, m -> done);
        double seconds = Duration.between(watchingSince, now).toMillis() / 1000.0;
        double rate = seconds < 1 ? Double.NaN : (done - first) / seconds;
        int filled = expected == 0 ? 0 : (int) Math.min(BAR, BAR * done / expected);
        String eta = done >= expected ? "done" : rate > 0 ? "ETA " + duration((long) ((expected - done) / rate))
                : "ETA —";
        String line = String.format(Locale.ROOT, "  %-" + width + "s [%s%s] %d / %d  %s  %s  dead-lettered %d",
                model, "#".repeat(filled), ".".repeat(BAR - filled), done, expected,
                Double.isNaN(rate) ? "— tasks/s" : String.format(Locale.ROOT, "%.1f tasks/s", rate), eta, dead);
        if ("FAILED".equals(share.path("status").asText())) {
            line += "  FAILED: " + share.path("error").asText();
        }
        return line;
    }

    /** What a budgeted share estimated, its best variant by name (docs/sweep-spec.md). */
    private static String budgetLine(int width, JsonNode estimate, JsonNode variants) {
        String best = estimate.path("bestVariant").asText();
        for (JsonNode variant : variants) {
            if (variant.path("id").asText().equals(best)) {
                best = variant.path("name").asText();
            }
        }
        return String.format(Locale.ROOT, "  %-" + width + "s budget spent: %d calls; best %s %s held out; "
                        + "quantiles 5/50/95%% %s / %s / %s", "", estimate.path("calls").asLong(), best,
                interval(estimate.path("bestHeldOut")), interval(estimate.path("q05")), interval(estimate.path("q50")),
                interval(estimate.path("q95")));
    }

    private static String interval(JsonNode interval) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", interval.path("estimate").asDouble(),
                interval.path("low").asDouble(), interval.path("high").asDouble());
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
