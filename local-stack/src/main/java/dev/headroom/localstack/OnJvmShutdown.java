package dev.headroom.localstack;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Closes what this JVM started when it exits normally or on SIGINT/SIGTERM. SIGKILL runs no hook; the stdin pipes
 * watched by {@link ExitWithParent} and by the PostgreSQL watcher cover that case.
 *
 * <p>Holding the resources here also keeps their {@link Process} objects reachable: a collected Process would close
 * its stdin pipe and so tell the child that its parent died.
 */
final class OnJvmShutdown {

    private static final Set<AutoCloseable> OPEN_RESOURCES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(OnJvmShutdown::closeAll, "headroom-local-stack-shutdown"));
    }

    private OnJvmShutdown() {
    }

    static void register(AutoCloseable resource) {
        OPEN_RESOURCES.add(resource);
    }

    static void unregister(AutoCloseable resource) {
        OPEN_RESOURCES.remove(resource);
    }

    private static void closeAll() {
        // In parallel, because each close may wait out a grace period.
        List<Thread> closers = OPEN_RESOURCES.stream()
                .map(resource -> new Thread(() -> closeQuietly(resource), "headroom-local-stack-closer"))
                .collect(Collectors.toList());
        closers.forEach(Thread::start);
        for (Thread closer : closers) {
            try {
                closer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("Could not close " + resource + " on shutdown: " + e);
        }
    }
}
