package dev.headroom.core.stats;

import dev.headroom.core.variant.Variant;

/**
 * @param plainVariantId the variant the elicitation gap is measured from; null for none
 * @param resamples      bootstrap resamples per scope; 0 gives estimates without intervals
 * @param seed           seed of the bootstrap's random draws
 */
public record AnalysisSettings(String plainVariantId, int resamples, long seed) {

    /** 1,000 resamples, seed 20240917. */
    public static final AnalysisSettings DEFAULT = new AnalysisSettings(Variant.PLAIN.id(), 1000, 20240917L);

    public AnalysisSettings {
        if (resamples < 0) {
            throw new IllegalArgumentException("bootstrap resamples must be 0 or more, got " + resamples);
        }
    }

    public AnalysisSettings withResamples(int count) {
        return new AnalysisSettings(plainVariantId, count, seed);
    }

    public AnalysisSettings withPlainVariant(String variantId) {
        return new AnalysisSettings(variantId, resamples, seed);
    }
}
