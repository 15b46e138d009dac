package io.flowpack.document;

/** After jadice flow: {@code BASE} parts are still to be processed, {@code META} parts are sources or derived records that later steps skip. */
public enum PartKind {
    BASE,
    META
}
