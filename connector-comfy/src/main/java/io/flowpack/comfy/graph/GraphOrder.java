package io.flowpack.comfy.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Topological order of the nodes reachable from a set of roots (sources before the nodes that use them), without
 * recursion so that long chains cannot overflow the stack; nodes on a cycle are reported.
 */
final class GraphOrder {

    private final List<String> order = new ArrayList<>();
    private final Set<String> onCycle = new LinkedHashSet<>();

    private GraphOrder() {
    }

    /**
     * @param roots   where to start, in order
     * @param sources the node ids a node reads from (existing nodes only)
     */
    static GraphOrder of(List<String> roots, Function<String, List<String>> sources) {
        GraphOrder graph = new GraphOrder();
        Map<String, Boolean> done = new HashMap<>(); // false = on the current path, true = finished
        for (String root : roots) {
            if (done.containsKey(root)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<Iterator<String>> pending = new ArrayDeque<>();
            path.push(root);
            pending.push(sources.apply(root).iterator());
            done.put(root, false);
            while (!path.isEmpty()) {
                Iterator<String> next = pending.peek();
                if (next.hasNext()) {
                    String source = next.next();
                    Boolean state = done.get(source);
                    if (state == null) {
                        done.put(source, false);
                        path.push(source);
                        pending.push(sources.apply(source).iterator());
                    } else if (!state) {
                        graph.markCycle(path, source);
                    }
                } else {
                    String finished = path.pop();
                    pending.pop();
                    done.put(finished, true);
                    graph.order.add(finished);
                }
            }
        }
        return graph;
    }

    private void markCycle(Deque<String> path, String repeated) {
        for (String id : path) { // from the top of the stack down to the repeated node
            onCycle.add(id);
            if (id.equals(repeated)) {
                return;
            }
        }
    }

    /** Every reachable node, each after all of its sources (cycle members in visit order). */
    List<String> order() {
        return order;
    }

    /** Nodes that are part of a dependency cycle. */
    Set<String> onCycle() {
        return onCycle;
    }
}
