package dev.headroom.aggregator;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/** JSON or CSV, as {@code ?format=} or else the Accept header asks. */
final class Representation {

    static final String CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);

    private Representation() {
    }

    static Response of(String format, HttpHeaders headers, Object json, Supplier<CsvTable> csv) {
        if (wantsCsv(format, headers)) {
            return Response.ok(csv.get(), CSV_TYPE).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new WebApplicationException(Response.status(Response.Status.BAD_REQUEST)
                        .entity("query parameter format: 'csv' or 'json', got '" + format + "'")
                        .type(MediaType.TEXT_PLAIN_TYPE).build());
            };
        }
        // the first acceptable type decides; */* and a missing header mean JSON
        return headers.getAcceptableMediaTypes().stream()
                .filter(type -> type.isCompatible(CSV_TYPE) || type.isCompatible(MediaType.APPLICATION_JSON_TYPE))
                .findFirst()
                .map(type -> !type.isWildcardType() && type.isCompatible(CSV_TYPE))
                .orElse(false);
    }
}
