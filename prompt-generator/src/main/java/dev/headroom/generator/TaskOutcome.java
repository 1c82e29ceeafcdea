package dev.headroom.generator;

/** One scored task of a run as the aggregator's {@code GET /runs/{id}/tasks} lists it: the fields a budgeted run reads. */
public record TaskOutcome(String model, String itemId, String variantId, String outcome) {

    public boolean correct() {
        return "CORRECT".equals(outcome);
    }
}
