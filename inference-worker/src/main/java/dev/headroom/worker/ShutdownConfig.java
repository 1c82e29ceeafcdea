package dev.headroom.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "headroom.worker.shutdown")
public interface ShutdownConfig {

    /**
     * On SIGTERM, how long the model calls in flight may take to finish and have their completions acknowledged;
     * with the commit interval after it, below Kubernetes' default 30 s grace. A task still in flight then is
     * answered again after a restart.
     */
    @WithDefault("25s")
    Duration drainTimeout();
}
