package dev.headroom.generator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How a run with a budget waits for each round's outcomes (docs/statistics.md, "Budgeted elicitation"). */
@ConfigMapping(prefix = "headroom.generator.budget")
public interface BudgetConfig {

    /** How often the aggregator's summary is read while a round is being answered. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** The longest a round waits for its tasks to be scored or dead-lettered before the next is allocated from what is in. */
    @WithDefault("PT30M")
    Duration roundTimeout();
}
