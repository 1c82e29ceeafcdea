package dev.headroom.generator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "headroom.topics")
public interface TopicsConfig {

    /** Tasks for model M go to the topic prefix + M, which M's workers consume. */
    @WithDefault("prompts.")
    String promptsPrefix();
}
