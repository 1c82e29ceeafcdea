package dev.headroom.aggregator;

import java.util.List;

/** A response as CSV: a header and rows of values (null writes an empty field). */
record CsvTable(List<String> header, List<List<?>> rows) {
}
