package dev.headroom.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Sends seeded random requests to a REST service: its endpoints with mutated paths, queries, headers and bodies
 * (JSON with fields dropped, retyped or added, broken JSON, binary, deep nesting, large bodies), wrong methods and
 * unknown paths. Every request has a timeout, so a hang shows as a timeout, not as a stuck test.
 */
public final class RestFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** One endpoint: {@code {}} in the path stands for a random segment; {@code exampleBody} a valid body, or null. */
    public record Endpoint(String method, String path, String exampleBody) {
    }

    /** Responses by status, each 5xx with its request, requests that timed out or failed on the wire. */
    public record Result(TreeMap<Integer, Integer> statuses, List<String> serverErrors, List<String> timeouts,
                         List<String> transportErrors) {

        public int requests() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum() + timeouts.size() + transportErrors.size();
        }
    }

    private final URI base;
    private final List<Endpoint> endpoints;
    private final String token;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param token the service's bearer token, sent with half the requests; null for none */
    public RestFuzzer(URI base, List<Endpoint> endpoints, String token, long seed) {
        this.base = base;
        this.endpoints = List.copyOf(endpoints);
        this.token = token;
        this.random = new Random(seed);
    }

    public Result run(int requests) {
        Result result = new Result(new TreeMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < requests; i++) {
            HttpRequest request = next();
            String described = request.method() + " " + request.uri();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                result.statuses().merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 500) {
                    result.serverErrors().add(described + " -> " + response.statusCode() + " " + response.body());
                }
            } catch (HttpTimeoutException e) {
                result.timeouts().add(described);
            } catch (IOException e) {
                result.transportErrors().add(described + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return result;
    }

    private HttpRequest next() {
        Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
        String method = random.nextInt(10) < 7 ? endpoint.method() : pick(METHODS);
        String path = random.nextInt(10) < 9 ? fill(endpoint.path()) : "/" + encode(segment());
        if (random.nextInt(10) < 3) {
            path += "?" + pick(List.of("format", "limit", "x", "")) + "=" + encode(segment());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        int auth = random.nextInt(4);
        if (token != null && auth < 2) {
            request.header("Authorization", "Bearer " + token);
        } else if (auth == 2) {
            request.header("Authorization", pick(List.of("Bearer ", "Bearer wrong", "Basic Zm9vOmJhcg==", "Bearer \u00e9")));
        }
        request.header("Content-Type", pick(List.of("application/json", "application/json", "application/json",
                "text/plain", "text/csv", "application/x-www-form-urlencoded", "nonsense/;;")));
        if (random.nextInt(4) == 0) {
            request.header("Accept", pick(List.of("text/csv", "application/xml", "*/*", "application/json", "bogus")));
        }
        byte[] body = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") ? null : body(endpoint);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return request.build();
    }

    private String fill(String template) {
        StringBuilder path = new StringBuilder();
        int from = 0;
        for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", from)) {
            path.append(template, from, at).append(encode(segment()));
            from = at + 2;
        }
        return path.append(template.substring(from)).toString();
    }

    private String segment() {
        return switch (random.nextInt(7)) {
            case 0 -> "run-" + Long.toHexString(random.nextLong());
            case 1 -> "x".repeat(1 + random.nextInt(3000));
            case 2 -> "' OR 1=1; --";
            case 3 -> "\u00fc\u4e2d\ud83d\ude00";
            case 4 -> "..";
            case 5 -> "%00";
            default -> Integer.toString(random.nextInt());
        };
    }

    private byte[] body(Endpoint endpoint) {
        int kind = random.nextInt(20);
        if (kind < 12 && endpoint.exampleBody() != null) {
            return mutated(endpoint.exampleBody()).getBytes(StandardCharsets.UTF_8);
        }
        return switch (kind) {
            case 12 -> new byte[0];
            case 13 -> "[".repeat(5000).getBytes(StandardCharsets.UTF_8);
            case 14 -> randomBytes(1 + random.nextInt(4096));
            case 15 -> ("{\"a\": \"" + "y".repeat(900_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 16 -> ("{\"a\": \"" + "y".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 17 -> "{\"benchmark\": ".getBytes(StandardCharsets.UTF_8);
            default -> randomValue(3).toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    private String mutated(String example) {
        try {
            JsonNode node = JSON.readTree(example);
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                mutate(node);
            }
            return node.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops, retypes or adds one field somewhere in the tree. */
    private void mutate(JsonNode node) {
        if (!(node instanceof ObjectNode object) || object.isEmpty()) {
            return;
        }
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        // Sorted: a body built from Map.of has a field order that changes with every JVM, and the seed alone must
        // decide which request is sent.
        Collections.sort(fields);
        String field = pick(fields);
        switch (random.nextInt(4)) {
            case 0 -> object.remove(field);
            case 1 -> object.set(field, randomValue(2));
            case 2 -> object.set(segment().substring(0, 1) + random.nextInt(100), randomValue(2));
            default -> {
                JsonNode child = object.get(field);
                if (child instanceof ObjectNode) {
                    mutate(child);
                } else if (child instanceof ArrayNode array && !array.isEmpty()) {
                    Iterator<JsonNode> elements = array.elements();
                    mutate(elements.next());
                    array.add(randomValue(1));
                } else {
                    object.set(field, randomValue(1));
                }
            }
        }
    }

    private JsonNode randomValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 10 : 8);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(400) - 200));
            case 4 -> NODES.textNode(segment());
            case 5 -> NODES.numberNode(-1);
            case 6 -> NODES.textNode("");
            case 7 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(60))));
            case 8 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    object.set(segment().substring(0, 1) + i, randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
