package dev.headroom.core.run;

import dev.headroom.core.variant.Variant;

import java.util.List;
import java.util.Map;

/**
 * A sweep: benchmarks (or slices of them) crossed with models and variants, as a YAML file states it (see
 * docs/sweep-spec.md and {@link SweepSpecParser}). It expands into one {@link RunSpec} per benchmark.
 *
 * @param id       optional; each run is then called "{id}-{benchmark}", otherwise the generator names it by content
 * @param variants expanded: presets, families, grids and samples already resolved, duplicates dropped
 * @param budgets  per model, or {@value RunSpec#EVERY_MODEL} for every model without its own (see {@link Budget})
 */
public record SweepSpec(String id, List<Slice> benchmarks, List<String> models, List<Variant> variants,
                        Map<String, Budget> budgets) {

    public SweepSpec {
        benchmarks = List.copyOf(benchmarks);
        models = List.copyOf(models);
        variants = List.copyOf(variants);
        budgets = Map.copyOf(budgets);
    }

    /** Which items of one benchmark: a split, some subjects (all when empty), at most {@code limit} of them. */
    public record Slice(String benchmark, String split, List<String> subjects, Integer limit) {
        public Slice {
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
        }
    }

    /** One run per benchmark, in the order the sweep lists them. */
    public List<RunSpec> runSpecs() {
        return benchmarks.stream().map(slice -> new RunSpec(id == null ? null : id + "-" + slice.benchmark(),
                slice.benchmark(), slice.split(), slice.subjects(), slice.limit(), variants, models, budgets)).toList();
    }
}
