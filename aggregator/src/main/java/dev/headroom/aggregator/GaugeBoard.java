package dev.headroom.aggregator;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A set of gauges replaced as a whole: each publication registers the series that are new, updates the others and
 * removes the ones it no longer names, so series of runs gone quiet do not stay behind.
 */
final class GaugeBoard {

    /** One time series: a metric name and its labels. */
    record Series(String name, Tags tags) {
    }

    private record Published(Gauge gauge, AtomicReference<Double> value) {
    }

    private final MeterRegistry registry;
    private final Map<Series, Published> published = new HashMap<>();

    GaugeBoard(MeterRegistry registry) {
        this.registry = registry;
    }

    synchronized void publish(Map<Series, Double> values) {
        values.forEach((series, value) -> published.computeIfAbsent(series, this::register).value().set(value));
        published.entrySet().removeIf(entry -> {
            boolean stale = !values.containsKey(entry.getKey());
            if (stale) {
                registry.remove(entry.getValue().gauge());
            }
            return stale;
        });
    }

    private Published register(Series series) {
        AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
        Gauge gauge = Gauge.builder(series.name(), value, AtomicReference::get).tags(series.tags()).register(registry);
        return new Published(gauge, value);
    }
}
