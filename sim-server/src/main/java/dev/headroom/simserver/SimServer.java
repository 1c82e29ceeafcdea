package dev.headroom.simserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.core.sim.SimModel;
import dev.headroom.core.sim.SimProfile;
import dev.headroom.core.sim.SimProfiles;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves Headroom's sim models over an OpenAI-compatible HTTP API: {@code POST /v1/chat/completions},
 * {@code POST /v1/completions}, {@code GET /v1/models}. It plays a model server: every answer takes a drawn latency
 * and holds one of at most {@code concurrencyCap} slots, and faults are injected at the configured rates. One
 * Vert.x event loop does everything, so the counters need no locks and thousands of requests can wait on timers.
 *
 * <p>Its answers are sim answers, never a real model's: every response says {@code system_fingerprint:
 * "headroom-sim"}.
 */
public final class SimServer implements AutoCloseable {

    private static final String JSON_TYPE = "application/json";

    private final SimServerConfig config;
    private final Vertx vertx;
    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final SimCompletion completions = new SimCompletion(json);
    private final Map<String, SimModel> models = new LinkedHashMap<>();
    private final SimServerStats stats = new SimServerStats();
    private final Random random;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private int inService;

    private SimServer(SimServerConfig config) {
        this.config = config;
        this.random = new Random(config.seed());
        for (SimProfile profile : SimProfiles.all()) {
            models.put(profile.name(), new SimModel(profile));
        }
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        // SO_LINGER 0 makes closing a connection a reset (RST): the connection-reset fault. Kept-alive connections
        // are otherwise closed only by the clients.
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port())
                .setSoLinger(0).setIdleTimeout(0));
    }

    /** Starts listening and returns once the port is bound. */
    public static SimServer start(SimServerConfig config) {
        SimServer simServer = new SimServer(config);
        try {
            simServer.server.requestHandler(simServer::handle).listen()
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            simServer.close();
            throw new IllegalStateException("the sim server could not listen on " + config.host() + ":" + config.port()
                    + ": " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        } catch (InterruptedException e) {
            simServer.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the sim server", e);
        }
        return simServer;
    }

    public int port() {
        return server.actualPort();
    }

    /** The OpenAI base URL, ending in {@code /v1}. */
    public URI baseUrl() {
        return URI.create("http://" + config.host() + ":" + port() + "/v1");
    }

    public SimServerConfig config() {
        return config;
    }

    public SimServerStats.Snapshot stats() {
        return stats.snapshot();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the event loop threads are daemons; nothing outlives this JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpServerRequest request) {
        stats.arrived();
        Exchange exchange = new Exchange(request, stats);
        request.body().onSuccess(body -> guarded(exchange, () -> route(exchange, body.toString())))
                .onFailure(failure -> exchange.drop());
    }

    /** A bug answers 500 with its message: an exception on the event loop would leave the client waiting forever. */
    private void guarded(Exchange exchange, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            exchange.respond(500, write(completions.error(500, "sim server error: " + e)));
        }
    }

    private void route(Exchange exchange, String body) {
        String path = exchange.request.path();
        HttpMethod method = exchange.request.method();
        if (method == HttpMethod.GET && path.equals("/v1/models")) {
            exchange.respond(200, write(completions.models(models, created())));
        } else if (method == HttpMethod.POST && path.equals("/v1/chat/completions")) {
            complete(exchange, true, body);
        } else if (method == HttpMethod.POST && path.equals("/v1/completions")) {
            complete(exchange, false, body);
        } else {
            exchange.respond(404, write(completions.error(404, "no route " + method + " " + path)));
        }
    }

    private void complete(Exchange exchange, boolean chat, String body) {
        SimRequest request;
        try {
            request = SimRequest.parse(chat, body, json);
        } catch (SimRequest.Invalid invalid) {
            exchange.respond(invalid.status, write(completions.error(invalid.status, invalid.getMessage())));
            return;
        }
        SimModel model = models.get(request.model());
        if (model == null) {
            exchange.respond(404, write(completions.error(404, "The model `" + request.model() + "` does not exist.")));
            return;
        }
        Optional<Fault> fault = config.faults().draw(random.nextDouble());
        fault.ifPresent(stats::injected);
        if (fault.isPresent() && fault.get() == Fault.RATE_LIMIT) {
            rateLimited(exchange, "Rate limit reached (injected fault)");
        } else if (fault.isPresent() && fault.get() == Fault.CONNECTION_RESET) {
            exchange.drop();
        } else {
            admit(exchange, () -> serve(exchange, request, model, fault.orElse(null)));
        }
    }

    private void admit(Exchange exchange, Runnable service) {
        if (config.concurrencyCap() == 0 || inService < config.concurrencyCap()) {
            takeSlotAndRun(service);
        } else if (config.overflow() == SimServerConfig.Overflow.QUEUE) {
            waiting.add(service);
        } else {
            stats.rejectedAtCap();
            rateLimited(exchange, "Too many concurrent requests: the cap is " + config.concurrencyCap());
        }
    }

    private void takeSlotAndRun(Runnable service) {
        inService++;
        stats.slotTaken();
        service.run();
    }

    private void freeSlot() {
        inService--;
        stats.slotFreed();
        Runnable next = waiting.poll();
        if (next != null) {
            takeSlotAndRun(next);
        }
    }

    private void serve(Exchange exchange, SimRequest request, SimModel model, Fault fault) {
        long delay = fault == Fault.TIMEOUT ? config.timeoutHold().toMillis() : config.latency().sampleMillis(random);
        vertx.setTimer(Math.max(1, delay), timer -> guarded(exchange, () -> {
            freeSlot();
            if (fault == Fault.TIMEOUT) {
                exchange.drop();
                return;
            }
            if (fault == Fault.SERVER_ERROR) {
                exchange.respond(500, write(completions.error(500, "Internal server error (injected fault)")));
                return;
            }
            ObjectNode answer = completions.answer(request, model, created(), Long.toHexString(ids.incrementAndGet()));
            if (fault == null) {
                stats.answered(request.task() == null ? null : request.task().taskId());
                exchange.respond(200, write(answer));
                return;
            }
            String body = write(answer);
            exchange.respond(200, switch (fault) {
                case MALFORMED_JSON -> body.replaceFirst(":", ";");
                case TRUNCATED_JSON -> body.substring(0, body.length() / 2);
                case EMPTY_CHOICES -> write(answer.set("choices", json.createArrayNode()));
                default -> throw new IllegalStateException("fault " + fault + " is answered elsewhere");
            });
        }));
    }

    private void rateLimited(Exchange exchange, String message) {
        long retryAfterMillis = config.retryAfter().toMillis();
        exchange.request.response()
                .putHeader("Retry-After", Long.toString((retryAfterMillis + 999) / 1000))
                .putHeader("retry-after-ms", Long.toString(retryAfterMillis));
        exchange.respond(429, write(completions.error(429, message)));
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static long created() {
        return System.currentTimeMillis() / 1000;
    }

    /** One request, counted open from arrival until it is answered or dropped, exactly once. */
    private static final class Exchange {
        private final HttpServerRequest request;
        private final SimServerStats stats;
        private boolean closed;

        Exchange(HttpServerRequest request, SimServerStats stats) {
            this.request = request;
            this.stats = stats;
            request.connection().closeHandler(ignored -> markClosed());
        }

        void respond(int status, String body) {
            markClosed();
            if (!request.response().closed()) {
                request.response().setStatusCode(status).putHeader("Content-Type", JSON_TYPE).end(body);
            }
        }

        void drop() {
            markClosed();
            request.connection().close();
        }

        private void markClosed() {
            if (!closed) {
                closed = true;
                stats.closed();
            }
        }
    }
}
