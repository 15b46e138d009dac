package io.flowpack.model.image;

/** Told after every tile a model has run. */
@FunctionalInterface
public interface TileProgress {
    TileProgress NONE = (done, total) -> { };

    void tileDone(int done, int total);
}
