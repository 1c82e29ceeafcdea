package dev.headroom.localstack;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A Java program run in its own JVM that cannot outlive this one: it runs under {@link ExitWithParent}, and it is
 * stopped by a shutdown hook when this JVM exits normally or on SIGINT/SIGTERM. Its stdout and stderr are appended to
 * a log file. It can be started again after it stopped, with the same command line.
 */
public final class ChildJvm implements AutoCloseable {

    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDir;
    private final Path logFile;
    private Process process;
    private AutoCloseable stopOnShutdown;

    private ChildJvm(Builder builder) {
        this.name = builder.mainClass;
        this.command = commandLine(builder);
        this.environment = Map.copyOf(builder.environment);
        this.workingDir = builder.workingDir;
        this.logFile = builder.logFile;
    }

    public static Builder builder(String mainClass) {
        return new Builder(mainClass);
    }

    /** Starts the JVM; fails if it is already running. */
    public synchronized ChildJvm start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running as pid " + process.pid());
        }
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        // stdin stays the default pipe and is never written: ExitWithParent exits when it closes.
        ProcessBuilder processBuilder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()));
        processBuilder.environment().putAll(environment);
        Process started = processBuilder.start();
        AutoCloseable stopper = () -> stop(started, DEFAULT_GRACE);
        OnJvmShutdown.register(stopper);
        started.onExit().thenRun(() -> OnJvmShutdown.unregister(stopper));
        process = started;
        stopOnShutdown = stopper;
        return this;
    }

    public synchronized long pid() {
        return running().pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits up to {@code timeout} for the JVM to exit by itself; true if it did. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        Process current;
        synchronized (this) {
            current = running();
        }
        return current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit status of the JVM, which must have exited. */
    public synchronized int exitValue() {
        return running().exitValue();
    }

    /** SIGTERM, so that shutdown hooks run; SIGKILL if the JVM is still alive after {@code grace}. */
    public synchronized void stop(Duration grace) {
        if (process != null) {
            stop(process, grace);
            OnJvmShutdown.unregister(stopOnShutdown);
        }
    }

    /** SIGKILL, as a crash would; returns once the JVM is gone. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitQuietly(process);
            OnJvmShutdown.unregister(stopOnShutdown);
        }
    }

    public Path logFile() {
        return logFile;
    }

    public String logTail(int lines) {
        return LogTail.lastLines(logFile, lines);
    }

    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    @Override
    public String toString() {
        return "ChildJvm[" + name + (process == null ? "" : ", pid " + process.pid()) + "]";
    }

    private Process running() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process;
    }

    private static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(Process process) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> commandLine(Builder builder) {
        List<String> classpath = new ArrayList<>();
        builder.classpath.forEach(entry -> classpath.add(entry.toAbsolutePath().toString()));
        classpath.add(exitWithParentLocation().toString());

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(builder.jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(ExitWithParent.class.getName());
        command.add(builder.mainClass);
        command.addAll(builder.args);
        return List.copyOf(command);
    }

    /** The directory or jar holding ExitWithParent, whichever this module was loaded from. */
    private static Path exitWithParentLocation() {
        try {
            return Path.of(ExitWithParent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the classes of " + ExitWithParent.class.getName(), e);
        }
    }

    public static final class Builder {

        private final String mainClass;
        private final List<Path> classpath = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDir = Path.of("").toAbsolutePath();
        private Path logFile;

        private Builder(String mainClass) {
            this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
        }

        /** Directories or jars; a jar's manifest Class-Path is honoured, as for Quarkus' quarkus-run.jar. */
        public Builder classpath(List<Path> entries) {
            classpath.addAll(entries);
            return this;
        }

        public Builder classpath(Path... entries) {
            return classpath(Arrays.asList(entries));
        }

        public Builder jvmArgs(String... jvmArgs) {
            this.jvmArgs.addAll(Arrays.asList(jvmArgs));
            return this;
        }

        public Builder args(String... args) {
            this.args.addAll(Arrays.asList(args));
            return this;
        }

        /** Added to this JVM's environment, which the child inherits. */
        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder workingDir(Path workingDir) {
            this.workingDir = workingDir;
            return this;
        }

        /** Where the child's stdout and stderr are appended; required. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        public ChildJvm build() {
            if (classpath.isEmpty()) {
                throw new IllegalStateException("No classpath for " + mainClass);
            }
            Objects.requireNonNull(logFile, "logFile");
            return new ChildJvm(this);
        }

        public ChildJvm start() throws IOException {
            return build().start();
        }
    }
}
