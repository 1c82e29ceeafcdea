package dev.headroom.simserver;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The rate of each fault; a request suffers at most one, and none with probability 1 - the sum of the rates. */
public record FaultPlan(Map<Fault, Double> rates) {

    public FaultPlan {
        rates = Map.copyOf(rates);
        double total = 0;
        for (Map.Entry<Fault, Double> rate : rates.entrySet()) {
            if (rate.getValue() < 0 || rate.getValue() > 1) {
                throw new IllegalArgumentException("fault rate " + rate.getKey().option() + "=" + rate.getValue()
                        + " is not in [0, 1]");
            }
            total += rate.getValue();
        }
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("fault rates add up to " + total + ", more than 1");
        }
    }

    public static FaultPlan none() {
        return new FaultPlan(Map.of());
    }

    /** {@code total} spread evenly over every kind of fault. */
    public static FaultPlan everyKind(double total) {
        Map<Fault, Double> rates = new EnumMap<>(Fault.class);
        for (Fault fault : Fault.values()) {
            rates.put(fault, total / Fault.values().length);
        }
        return new FaultPlan(rates);
    }

    /** The fault for a request whose uniform draw is {@code uniform}, if any. */
    public Optional<Fault> draw(double uniform) {
        double threshold = 0;
        for (Fault fault : Fault.values()) {
            threshold += rates.getOrDefault(fault, 0.0);
            if (uniform < threshold) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
