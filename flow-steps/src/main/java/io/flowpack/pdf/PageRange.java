package io.flowpack.pdf;

import java.util.ArrayList;
import java.util.List;

/** Pages chosen by text such as {@code 1-3,5,9-}: one-based, inclusive, in the order given, within a page count. */
final class PageRange {

    private PageRange() {
    }

    /** Zero-based page indexes; an empty text means every page. */
    static List<Integer> parse(String text, int pageCount) {
        List<Integer> pages = new ArrayList<>();
        if (text == null || text.isBlank()) {
            for (int i = 0; i < pageCount; i++) {
                pages.add(i);
            }
            return pages;
        }
        for (String piece : text.split(",")) {
            String item = piece.trim();
            if (!item.matches("\\d+(-\\d*)?")) {
                throw new IllegalArgumentException("page range '" + text + "' is not like 1-3,5,9-");
            }
            String[] bounds = item.split("-", -1);
            int from = Integer.parseInt(bounds[0]);
            int to = bounds.length == 1 ? from : bounds[1].isEmpty() ? pageCount : Integer.parseInt(bounds[1]);
            if (from < 1 || to > pageCount || from > to) {
                throw new IllegalArgumentException("page range '" + item + "' is outside 1-" + pageCount);
            }
            for (int page = from; page <= to; page++) {
                pages.add(page - 1);
            }
        }
        return pages;
    }
}
