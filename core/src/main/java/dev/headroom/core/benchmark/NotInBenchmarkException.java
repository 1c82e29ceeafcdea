package dev.headroom.core.benchmark;

/** A request for a split, subject or few-shot split a benchmark does not have: the request's to fix, not the files'. */
public class NotInBenchmarkException extends RuntimeException {

    public NotInBenchmarkException(String message) {
        super(message);
    }

    static NotInBenchmarkException noSuchSplit(Benchmark benchmark, String split) {
        return new NotInBenchmarkException("benchmark '" + benchmark.name() + "' has no split '" + split
                + "'; it has " + benchmark.splits());
    }
}
