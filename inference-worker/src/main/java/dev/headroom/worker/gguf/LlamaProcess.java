package dev.headroom.worker.gguf;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kherud.llama.LlamaModel;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parent side of {@link LlamaChild}: runs it as a child JVM and asks it one request at a time. When the child
 * dies (a native abort, a signal) or stops answering, the request fails with what happened: the exit status or
 * signal and the last lines the child wrote. The next request starts a new child.
 */
final class LlamaProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LlamaProcess.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TAIL_LINES = 20;
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);
    /** The model lives in native memory; the child's heap only holds requests and the bias of each. */
    private static final String CHILD_HEAP = "-Xmx256m";
    private static final Map<Integer, String> SIGNALS = Map.of(4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE",
            9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

    private final LlamaOptions options;
    private final Duration startTimeout;
    private final Duration requestTimeout;
    private final Class<?> childMain;
    private Child child;
    private Path nativeLibraryDir;

    LlamaProcess(LlamaOptions options, Duration startTimeout, Duration requestTimeout) {
        this(options, startTimeout, requestTimeout, LlamaChild.class);
    }

    /** @param childMain the child's main class: {@link LlamaChild}, or a test's child that misbehaves on purpose */
    LlamaProcess(LlamaOptions options, Duration startTimeout, Duration requestTimeout, Class<?> childMain) {
        this.options = options;
        this.startTimeout = startTimeout;
        this.requestTimeout = requestTimeout;
        this.childMain = childMain;
    }

    /** Starts the child now, so that a model that cannot load fails at start-up and not on the first task. */
    synchronized void start() {
        running();
    }

    List<List<Integer>> tokenize(List<String> texts) {
        return ask(new LlamaRequest.Tokenize(texts), LlamaReply.Tokens.class).tokens();
    }

    String generate(String prompt, int maxTokens, String grammar) {
        return ask(new LlamaRequest.Generate(prompt, maxTokens, grammar), LlamaReply.Text.class).text();
    }

    int nextToken(String prompt, List<Integer> allowed, Map<Integer, Double> bias) {
        return ask(new LlamaRequest.NextToken(prompt, allowed, bias), LlamaReply.Token.class).token();
    }

    /** The running child's process id, starting one if none runs. */
    synchronized long pid() {
        return running().process.pid();
    }

    private synchronized <R extends LlamaReply> R ask(LlamaRequest request, Class<R> replyType) {
        String line;
        try {
            line = JSON.writeValueAsString(request);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + request + " as JSON", e);
        }
        Child current = running();
        LlamaReply reply;
        try {
            current.send(line);
            reply = current.await(requestTimeout);
        } catch (IOException | ChildGone e) {
            child = null;
            String report = current.endReport("while answering a request", e);
            LOG.error(report);
            throw new LlamaProcessException(report + "; the next request starts a new child");
        }
        if (reply instanceof LlamaReply.Failure failure) {
            throw new LlamaProcessException("llama.cpp could not answer: " + failure.message());
        }
        return replyType.cast(reply);
    }

    private Child running() {
        if (child != null && !child.process.isAlive()) {
            LOG.warn(child.endReport("while idle", null) + "; starting a new one");
            child = null;
        }
        if (child == null) {
            Child started = Child.start(command(), options.modelPath());
            try {
                LlamaReply first = started.await(startTimeout);
                if (first instanceof LlamaReply.Failure failure) {
                    started.stop();
                    throw new LlamaProcessException("llama.cpp could not load " + options.modelPath() + ": "
                            + failure.message() + started.tail());
                }
                LOG.infof("llama.cpp child (pid %d) loaded %s, %d tokens", started.process.pid(), options.modelPath(),
                        ((LlamaReply.Ready) first).vocabularySize());
            } catch (ChildGone e) {
                throw new LlamaProcessException(started.endReport("while loading " + options.modelPath(), e));
            }
            child = started;
        }
        return child;
    }

    @Override
    public synchronized void close() {
        if (child != null) {
            child.stop();
            child = null;
        }
        if (nativeLibraryDir != null) {
            deleteQuietly(nativeLibraryDir);
            nativeLibraryDir = null;
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), CHILD_HEAP,
                "-Dde.kherud.llama.tmpdir=" + nativeLibraryDir(),
                // a JVM crash report goes to the temp directory, not into whatever directory the worker runs in
                "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "headroom-llama-hs_err_pid%p.log"),
                "-cp", classpath(), childMain.getName()));
        command.addAll(options.toArgs());
        return command;
    }

    /**
     * A directory of this process's own for the binding's native library. The binding extracts it into its temp
     * directory and first deletes every file there whose name starts with "llama" or "jllama": in the shared temp
     * directory that would reach other programs' files, and two workers starting at once would race on one file.
     * Children started after a crash reuse it.
     */
    private Path nativeLibraryDir() {
        if (nativeLibraryDir == null) {
            try {
                nativeLibraryDir = Files.createTempDirectory("headroom-llama-");
            } catch (IOException e) {
                throw new LlamaProcessException("cannot create a directory for llama.cpp's native library: " + e);
            }
        }
        return nativeLibraryDir;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", dir, e);
        }
    }

    /** Where this JVM loaded the child's classes from: a jar or directory each, in development and in a package. */
    private String classpath() {
        return Stream.of(childMain, LlamaChild.class, LlamaModel.class, ObjectMapper.class, JsonParser.class,
                        JsonTypeInfo.class)
                .map(LlamaProcess::location)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }

    static String describeExit(int status) {
        if (status > 128) {
            int signal = status - 128;
            return "killed by signal " + signal + Optional.ofNullable(SIGNALS.get(signal)).map(name -> " (" + name + ")").orElse("");
        }
        return "exited with status " + status;
    }

    /** The child's stdout closed or it stopped answering: whatever it was asked will not be answered. */
    private static final class ChildGone extends Exception {
        ChildGone(String message) {
            super(message);
        }
    }

    private static final class Child {

        private final Process process;
        private final Writer requests;
        private final BlockingQueue<Optional<LlamaReply>> replies = new LinkedBlockingQueue<>();
        private final Deque<String> tail = new ArrayDeque<>();
        private final Thread stdoutReader;
        private final Thread stderrReader;

        private Child(Process process) {
            this.process = process;
            this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            this.stdoutReader = daemon(() -> readStdout(process.getInputStream()), "stdout");
            this.stderrReader = daemon(() -> readLines(process.getErrorStream(), this::remember), "stderr");
        }

        static Child start(List<String> command, Path model) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(new File(System.getProperty("java.io.tmpdir")));
            // ggml would otherwise attach gdb to print a backtrace on abort, on stdout, for seconds
            builder.environment().put("GGML_NO_BACKTRACE", "1");
            try {
                Child child = new Child(builder.start());
                child.stdoutReader.start();
                child.stderrReader.start();
                return child;
            } catch (IOException e) {
                throw new LlamaProcessException("cannot start the llama.cpp child JVM for " + model + ": " + e.getMessage());
            }
        }

        void send(String line) throws IOException {
            requests.write(line);
            requests.write('\n');
            requests.flush();
        }

        LlamaReply await(Duration timeout) throws ChildGone {
            Optional<LlamaReply> reply;
            try {
                reply = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new ChildGone("interrupted while waiting; the child was killed");
            }
            if (reply == null) {
                process.destroyForcibly();
                throw new ChildGone("no reply within " + timeout.toMillis() + " ms");
            }
            return reply.orElseThrow(() -> new ChildGone("its output ended"));
        }

        /** Why the child is gone, for the task that failed and the log: how it ended and what it wrote last. */
        String endReport(String when, Exception cause) {
            String exit;
            try {
                exit = process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                        ? describeExit(process.exitValue()) : "still running, so it was killed";
                process.destroyForcibly();
                stderrReader.join(EXIT_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = "state unknown (interrupted)";
            }
            return "llama.cpp child (pid " + process.pid() + ") failed " + when + ": "
                    + (cause == null ? "" : cause.getMessage() + ", ") + exit + tail();
        }

        synchronized String tail() {
            return tail.isEmpty() ? "; it wrote nothing"
                    : "; its last output:" + System.lineSeparator() + String.join(System.lineSeparator(), tail);
        }

        void stop() {
            try {
                requests.close(); // end of input: the child exits
                if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException alreadyGone) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private void readStdout(InputStream stdout) {
            readLines(stdout, line -> {
                Optional<LlamaReply> reply = parse(line);
                if (reply.isPresent()) {
                    replies.add(reply);
                } else {
                    remember(line);
                }
            });
            replies.add(Optional.empty());
        }

        /** A reply is a JSON object on a line of its own; native code may print other lines on the same stdout. */
        private static Optional<LlamaReply> parse(String line) {
            if (!line.startsWith("{\"")) {
                return Optional.empty();
            }
            try {
                return Optional.of(JSON.readValue(line, LlamaReply.class));
            } catch (IOException notAReply) {
                return Optional.empty();
            }
        }

        private synchronized void remember(String line) {
            LOG.debugf("llama.cpp child %d: %s", process.pid(), line);
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }

        private static void readLines(InputStream stream, Consumer<String> consumer) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    consumer.accept(line);
                }
            } catch (IOException closed) {
                // the child is gone; whoever waits on it reports that
            }
        }

        private Thread daemon(Runnable body, String stream) {
            Thread thread = new Thread(body, "llama-child-" + process.pid() + "-" + stream);
            thread.setDaemon(true);
            return thread;
        }
    }
}
