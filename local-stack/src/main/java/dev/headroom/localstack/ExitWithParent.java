package dev.headroom.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM: {@code ExitWithParent <realMainClass> args...}.
 *
 * <p>The parent keeps the write end of the child's stdin pipe open and never writes to it. The kernel closes that pipe
 * however the parent dies, SIGKILL included, so end-of-file on stdin means "your parent is gone". The child then exits
 * gracefully, and is halted if its shutdown hooks take too long. The real main therefore must not read stdin.
 */
public final class ExitWithParent {

    private static final long SHUTDOWN_HOOKS_DEADLINE_MILLIS = 5_000;
    private static final int EXIT_STATUS = 0;

    private ExitWithParent() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: " + ExitWithParent.class.getName() + " <main class> [args...]");
            System.exit(2);
        }
        startParentWatcher();
        Method realMain = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            realMain.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void startParentWatcher() {
        Thread watcher = new Thread(() -> {
            awaitEndOfInput(System.in);
            exitWithinDeadline();
        }, "exit-with-parent");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void awaitEndOfInput(InputStream in) {
        byte[] ignored = new byte[256];
        try {
            while (in.read(ignored) >= 0) {
                // The parent never writes; anything that arrives anyway is not a reason to exit.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
    }

    private static void exitWithinDeadline() {
        // System.exit blocks until the shutdown hooks finish, so it runs on its own thread while this one keeps time.
        Thread exit = new Thread(() -> System.exit(EXIT_STATUS), "exit-with-parent-exit");
        exit.setDaemon(true);
        exit.start();
        try {
            exit.join(SHUTDOWN_HOOKS_DEADLINE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(EXIT_STATUS);
    }
}
