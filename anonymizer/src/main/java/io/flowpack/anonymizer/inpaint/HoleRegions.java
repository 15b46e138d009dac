package io.flowpack.anonymizer.inpaint;

import java.util.ArrayList;
import java.util.List;

/** The connected parts (8-neighbourhood) of the touched pixels of a mask, each with its bounding box. */
final class HoleRegions {

    /** One connected hole: its bounding box (inclusive) and its pixel indices. */
    record Region(int x0, int y0, int x1, int y1, int[] pixels) {
        int width() {
            return x1 - x0 + 1;
        }

        int height() {
            return y1 - y0 + 1;
        }
    }

    private HoleRegions() {
    }

    /** The regions in scan order of their first pixel. */
    static List<Region> of(float[] mask, int width, int height) {
        int[] label = new int[mask.length];
        int[] queue = new int[mask.length];
        List<Region> regions = new ArrayList<>();
        for (int start = 0; start < mask.length; start++) {
            if (label[start] != 0 || !SoftMask.touched(mask[start])) {
                continue;
            }
            int id = regions.size() + 1;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = id;
            int x0 = width;
            int y0 = height;
            int x1 = -1;
            int y1 = -1;
            while (head < tail) {
                int p = queue[head++];
                int x = p % width;
                int y = p / width;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                            int n = nx + ny * width;
                            if (label[n] == 0 && SoftMask.touched(mask[n])) {
                                label[n] = id;
                                queue[tail++] = n;
                            }
                        }
                    }
                }
            }
            regions.add(new Region(x0, y0, x1, y1, java.util.Arrays.copyOf(queue, tail)));
        }
        return regions;
    }
}
