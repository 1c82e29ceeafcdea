package dev.headroom.core.stats;

/**
 * One model's value of a statistic, for a trend across models.
 *
 * @param parameterCount size in parameters (not billions)
 * @param type           base, instruct, ...: a factor of the trend when the points have two types or more
 * @param value          the statistic, e.g. the elicitation gap or the spread of one model
 */
public record ModelPoint(String model, double parameterCount, String type, double value) {

    public ModelPoint {
        if (!(parameterCount > 0)) {
            throw new IllegalArgumentException("model " + model + ": parameter count must be positive, got "
                    + parameterCount);
        }
    }
}
