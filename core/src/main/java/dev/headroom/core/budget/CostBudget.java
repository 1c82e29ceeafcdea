package dev.headroom.core.budget;

/**
 * A budget in dollars as a budget in calls, projected again before every round from what the calls so far cost: a
 * run may have asked the calls already priced and as many more as the money left pays for at their mean cost, so it
 * stops before a round whose projected cost exceeds what is left. Calls asked but not priced yet (in flight, or
 * dead-lettered) count against the money left at the same mean. docs/statistics.md, "Budgeted elicitation".
 *
 * @param maxCostUsd the most the run may cost
 */
public record CostBudget(double maxCostUsd) {

    public CostBudget {
        if (!(maxCostUsd > 0)) {
            throw new IllegalArgumentException("a cost budget must be above 0, got " + maxCostUsd);
        }
    }

    /**
     * The most calls the run may have asked in all.
     *
     * @param pricedCalls calls answered with a cost so far
     * @param spentUsd    what they cost
     * @param firstRound  the calls to ask before any is priced: the cost per call is unknown until one is answered
     */
    public int affordableCalls(long pricedCalls, double spentUsd, int firstRound) {
        if (pricedCalls == 0) {
            return firstRound;
        }
        double meanCostPerCall = spentUsd / pricedCalls;
        if (meanCostPerCall == 0) {
            return Integer.MAX_VALUE;
        }
        double more = Math.floor(Math.max(0, maxCostUsd - spentUsd) / meanCostPerCall);
        return (int) Math.min(Integer.MAX_VALUE, pricedCalls + more);
    }
}
