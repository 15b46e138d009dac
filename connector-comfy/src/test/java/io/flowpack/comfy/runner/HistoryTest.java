package io.flowpack.comfy.runner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryTest {

    @Test
    void keepsTheNewestEntriesInCompletionOrder() {
        History history = new History(2);
        history.add("a", Json.object());
        history.add("b", Json.object());
        history.add("c", Json.object());
        assertThat(history.ids()).containsExactly("b", "c");
        assertThat(history.page(1, -1).keySet()).containsExactly("c");
        assertThat(history.page(null, 1).keySet()).containsExactly("c");
        assertThat(history.page(5, -1).keySet()).containsExactly("b", "c");
    }
}
