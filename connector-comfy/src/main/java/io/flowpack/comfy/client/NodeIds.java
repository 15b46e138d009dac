package io.flowpack.comfy.client;

/** Ordering of workflow node ids: numbers numerically ({@code "9" < "10"}), before any other id, which sort as text. */
public final class NodeIds {

    private NodeIds() {
    }

    public static int compare(String a, String b) {
        boolean an = a.matches("\\d{1,18}");
        boolean bn = b.matches("\\d{1,18}");
        if (an && bn) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return an ? -1 : bn ? 1 : a.compareTo(b);
    }
}
