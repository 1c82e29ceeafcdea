package dev.headroom.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/**
 * What one model of a run may spend: the run asks it round by round ({@code dev.headroom.core.budget}) and stops
 * at the first limit reached. Every limit is optional, at least one is required.
 *
 * @param maxCalls            the most tasks published for the model
 * @param maxCostUsd          the most it may cost, at the model card's prices
 * @param targetIntervalWidth stop once the 95% intervals of the quantiles across variants are narrower than this
 *                            (accuracy, 0..1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Budget(Integer maxCalls, Double maxCostUsd, Double targetIntervalWidth) {

    /** The problems with this budget, each naming its key under {@code path}; empty when it can run. */
    public List<String> problems(String path) {
        List<String> problems = new ArrayList<>();
        if (maxCalls == null && maxCostUsd == null && targetIntervalWidth == null) {
            problems.add(path + ": give at least one of maxCalls, maxCostUsd, targetIntervalWidth");
        }
        if (maxCalls != null && maxCalls < 1) problems.add(path + ".maxCalls: must be at least 1, got " + maxCalls);
        if (maxCostUsd != null && !(maxCostUsd > 0)) problems.add(path + ".maxCostUsd: must be above 0, got " + maxCostUsd);
        if (targetIntervalWidth != null && !(targetIntervalWidth > 0 && targetIntervalWidth < 1)) {
            problems.add(path + ".targetIntervalWidth: must be between 0 and 1 (accuracy), got " + targetIntervalWidth);
        }
        return problems;
    }
}
