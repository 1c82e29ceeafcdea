package dev.headroom.core.stats;

import java.util.Map;

/**
 * One model's reports: over everything it answered, per benchmark, and per subject.
 *
 * @param bySubject keyed by {@code benchmark/subject}
 */
public record ModelAnalysis(ElicitationReport overall, Map<String, ElicitationReport> byBenchmark,
                            Map<String, ElicitationReport> bySubject) {
}
