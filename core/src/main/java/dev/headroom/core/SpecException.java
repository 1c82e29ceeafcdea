package dev.headroom.core;

/** A spec a user wrote that cannot run: names the key path ("variants.grid.labels[2]") and the problem. */
public class SpecException extends IllegalArgumentException {

    private final String path;
    private final String problem;

    public SpecException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    public String path() {
        return path;
    }

    /** The same problem, its place prefixed by where the spec came from (a file name). */
    public SpecException within(String source) {
        return new SpecException(path.isEmpty() ? source : source + ": " + path, problem);
    }
}
