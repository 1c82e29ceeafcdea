package dev.headroom.localstack;

import java.nio.file.Path;

/** An intermediate parent, run in its own JVM so that a test can SIGKILL it: starts a {@link Sleeper}. */
public final class ParentOfSleeper {

    private ParentOfSleeper() {
    }

    public static void main(String[] args) throws Exception {
        ChildJvm child = ChildJvm.builder(Sleeper.class.getName())
                .classpath(TestClasspath.entries())
                .jvmArgs("-Xmx32m")
                .logFile(Path.of(args[0]))
                .start();
        System.out.println("child-pid=" + child.pid());
        Thread.sleep(Long.MAX_VALUE);
    }
}
