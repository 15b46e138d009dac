package io.flowpack.generate.context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The context windows of one sampling step, as AnimateDiff-Evolved lays them out: lists of frame indices, each as
 * long as the context, covering every frame. The uniform schedules shift the windows from step to step by
 * {@code round(frames · h(step))} frames, where {@code h} is the "ordered halving" of the step (0, ½, ¼, ¾, ⅛, …),
 * so the seams between windows move and do not show.
 */
public final class ContextWindows {

    private ContextWindows() {
    }

    /**
     * The windows for sampling step {@code step} (0-based) of {@code frames} frames; one window of every frame when
     * there are no options ({@code null}) or they do not slide for that many frames.
     */
    public static List<int[]> of(int frames, ContextOptions options, int step) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, got " + frames);
        }
        if (options == null || !options.slides(frames)) {
            return List.of(range(0, frames));
        }
        return switch (options.schedule()) {
            case LOOPED_UNIFORM -> uniform(frames, options, step, options.closedLoop());
            case STANDARD_UNIFORM -> unrolled(uniform(frames, options, step, false), frames, options.length());
            case STANDARD_STATIC -> fixed(frames, options);
        };
    }

    /**
     * The bits of {@code step} mirrored behind the binary point (64 bits): 0 → 0, 1 → ½, 2 → ¼, 3 → ¾, 4 → ⅛ …
     */
    public static double orderedHalving(long step) {
        long mirrored = Long.reverse(step);
        return Math.scalb((double) (mirrored >>> 1), -63) + Math.scalb((double) (mirrored & 1), -64);
    }

    /** Windows every {@code length − overlap} frames from the step's offset, indices taken modulo {@code frames}. */
    private static List<int[]> uniform(int frames, ContextOptions o, int step, boolean closedLoop) {
        List<int[]> windows = new ArrayList<>();
        int levels = Math.min(o.stride(), (int) Math.ceil(log2((double) frames / o.length())) + 1);
        double halving = orderedHalving(step);
        for (int level = 0; level < levels; level++) {
            int spacing = 1 << level;
            int pad = (int) Math.rint(frames * halving);               // Python's round(): half to even
            int begin = (int) (halving * spacing) + pad;
            int end = frames + pad + (closedLoop ? 0 : -o.overlap());
            int advance = o.length() * spacing - o.overlap();
            for (int j = begin; j < end; j += advance) {
                int[] window = new int[o.length()];
                for (int k = 0; k < window.length; k++) {
                    window[k] = (j + k * spacing) % frames;
                }
                windows.add(window);
            }
        }
        return windows;
    }

    /**
     * The standard uniform schedule: a window that wraps past the last frame is slid back to end there; where that
     * leaves the wrapped-to frame out of the next window, a window starting at it is inserted; repeated windows
     * are dropped.
     */
    private static List<int[]> unrolled(List<int[]> windows, int frames, int length) {
        List<int[]> out = new ArrayList<>(windows);
        List<Integer> repeated = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            int[] window = out.get(i);
            int roll = rollIndex(window, frames);
            if (roll >= 0) {
                int wrappedTo = window[roll];
                slideToEnd(window, frames);
                if (!contains(out.get((i + 1) % out.size()), wrappedTo)) {
                    out.add(i + 1, range(wrappedTo, wrappedTo + length));
                }
            }
            for (int earlier = 0; earlier < i; earlier++) {
                if (Arrays.equals(out.get(earlier), window)) {
                    repeated.add(i);
                    break;
                }
            }
        }
        for (int k = repeated.size() - 1; k >= 0; k--) {
            out.remove((int) repeated.get(k));
        }
        return out;
    }

    /** Windows at 0, d, 2d, … ({@code d = length − overlap}); the last one moved back to end at the last frame. */
    private static List<int[]> fixed(int frames, ContextOptions o) {
        List<int[]> windows = new ArrayList<>();
        int advance = o.length() - o.overlap();
        for (int start = 0; start < frames; start += advance) {
            int ending = start + o.length();
            if (ending >= frames) {
                int last = start - (ending - frames);
                windows.add(range(last, last + o.length()));
                break;
            }
            windows.add(range(start, ending));
        }
        return windows;
    }

    /** The position where the indices fall back (the window wrapped past the last frame), or −1. */
    private static int rollIndex(int[] window, int frames) {
        int previous = -1;
        for (int i = 0; i < window.length; i++) {
            int value = window[i] % frames;
            if (value < previous) {
                return i;
            }
            previous = value;
        }
        return -1;
    }

    private static void slideToEnd(int[] window, int frames) {
        int start = window[0];
        for (int i = 0; i < window.length; i++) {
            window[i] = (window[i] - start + frames) % frames;
        }
        int delta = frames - window[window.length - 1] - 1;
        for (int i = 0; i < window.length; i++) {
            window[i] += delta;
        }
    }

    private static boolean contains(int[] window, int frame) {
        for (int value : window) {
            if (value == frame) {
                return true;
            }
        }
        return false;
    }

    private static int[] range(int from, int to) {
        int[] values = new int[to - from];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }
}
