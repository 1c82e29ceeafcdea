package dev.headroom.core;

/** A spec a user wrote that cannot run: names the key path ("variants.grid.labels[2]") and the problem. */
public class SpecException extends IllegalArgumentException {

    private final String path;

    public SpecException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
