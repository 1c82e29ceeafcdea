package dev.headroom.generator;

import dev.headroom.core.benchmark.BenchmarkFormatException;
import dev.headroom.core.benchmark.NotInBenchmarkException;
import dev.headroom.service.ApiError;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Benchmark problems are the request's to fix (unknown name, a split, subject or few-shot split the benchmark lacks)
 * or the operator's (a bad file): never a 500.
 */
public class CatalogErrorMapper {

    @ServerExceptionMapper
    public Response unknownBenchmark(BenchmarkCatalog.UnknownBenchmarkException e) {
        return ApiError.badRequest(e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response notInBenchmark(NotInBenchmarkException e) {
        return ApiError.badRequest(e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response badBenchmarkFile(BenchmarkFormatException e) {
        return ApiError.of(422, "the benchmark cannot be read: " + e.getMessage(), List.of());
    }
}
