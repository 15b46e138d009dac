package io.flowpack.deploy;

public final class FlowpackMain {
    public static void main(String[] args) {
    }
}
