package io.flowpack.schedule;

import io.flowpack.schedule.expr.ExpressionException;
import io.flowpack.schedule.expr.MathExpression;
import io.flowpack.schedule.expr.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prompt travelling as FizzNodes' {@code BatchPromptSchedule} computes it: keyframes sorted by frame, an implicit
 * keyframe at 0 (a copy of the first) and at {@code maxFrames} (a copy of the last) when missing, and for every
 * frame {@code f} between keyframes {@code k0 < k1}: current = prompt(k0), next = prompt(k1),
 * {@code weight = 1 − (1/(k1−k0))·(f−k0)}. Each prompt is {@code preText + " " + prompt + " " + appText}, split
 * at {@code --neg} into positive and negative, with back-tick expressions evaluated per frame and outer white
 * space removed.
 *
 * <p>Differences from FizzNodes, all on input it would mishandle: expressions see {@code t} as a variable (FizzNodes
 * replaces every letter {@code t}, breaking {@code sqrt}); two keys naming the same frame, negative or fractional
 * frames, an unclosed back-tick and {@code --neg} twice in the pre/app text are errors instead of silent
 * surprises or Python exceptions.
 */
public final class PromptSchedule {
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]*(\\.[0-9]+)?");
    private static final Set<String> KEY_VARIABLES = Set.of("max_f", "max_frames");
    private static final String NEG = "--neg";

    private final ScheduleSettings settings;
    private final List<Keyframe> keyframes;
    private final List<PromptTemplate[]> prompts;        // per keyframe: {positive, negative}
    private final int[] current;                         // per frame: index into keyframes
    private final int[] next;
    private final double[] weight;

    private PromptSchedule(ScheduleSettings settings, List<Keyframe> keyframes, List<PromptTemplate[]> prompts) {
        this.settings = settings;
        this.keyframes = List.copyOf(keyframes);
        this.prompts = prompts;
        int frames = settings.maxFrames();
        current = new int[frames];
        next = new int[frames];
        weight = new double[frames];
        for (int i = 0; i + 1 < keyframes.size(); i++) {
            int k0 = keyframes.get(i).frame();
            int k1 = keyframes.get(i + 1).frame();
            double step = 1.0 / (k1 - k0);
            for (int f = k0; f < Math.min(k1, frames); f++) {
                current[f] = i;
                next[f] = i + 1;
                weight[f] = 1 - step * (f - k0);
            }
        }
    }

    /** @throws ScheduleException naming the offending key or character with its line and column */
    public static PromptSchedule parse(ScheduleSettings settings) {
        SourceText source = new SourceText(null, settings.text() == null ? "" : settings.text());
        String[] pre = splitNegative(settings.preText(), "pre_text");
        String[] app = splitNegative(settings.appText(), "app_text");
        SourceText preSource = new SourceText("pre_text", settings.preText());
        SourceText appSource = new SourceText("app_text", settings.appText());
        PromptTemplate prePos = whole(pre[0], preSource, 0);
        PromptTemplate preNeg = whole(pre[1], preSource, pre[0].length() + NEG.length());
        PromptTemplate appPos = whole(app[0], appSource, 0);
        PromptTemplate appNeg = whole(app[1], appSource, app[0].length() + NEG.length());
        PromptTemplate space = PromptTemplate.literal(" ");

        List<Keyframe> keyframes = new ArrayList<>();
        Map<Integer, RawKeyframe> byFrame = new HashMap<>();
        Map<Keyframe, PromptTemplate[]> templates = new HashMap<>();
        for (RawKeyframe raw : KeyframeTextParser.parse(source.text())) {
            int frame = frameOf(raw, settings.maxFrames(), source);
            RawKeyframe earlier = byFrame.putIfAbsent(frame, raw);
            if (earlier != null) {
                throw source.error("key \"" + raw.key() + "\" names frame " + frame + ", which key \"" + earlier.key()
                        + "\" already names", raw.keyOffset());
            }
            String prompt = raw.prompt();
            String[] parts = prompt.split(NEG, -1);
            int negStart = parts[0].length() + NEG.length();
            String positive = parts[0];
            String negative = parts.length > 1 ? parts[1] : "";
            PromptTemplate pos = PromptTemplate.parse(positive, raw.promptOffsets(), source);
            PromptTemplate neg = parts.length > 1
                    ? PromptTemplate.parse(negative, Arrays.copyOfRange(raw.promptOffsets(), negStart,
                    negStart + negative.length()), source)
                    : PromptTemplate.literal("");
            Keyframe keyframe = new Keyframe(frame, raw.key(), prompt);
            keyframes.add(keyframe);
            templates.put(keyframe, new PromptTemplate[]{
                    PromptTemplate.concat(prePos, space, pos, space, appPos).withoutTrailingZero(),
                    PromptTemplate.concat(preNeg, space, neg, space, appNeg).withoutTrailingZero()});
        }
        keyframes.sort(Comparator.comparingInt(Keyframe::frame));
        if (keyframes.get(0).frame() != 0) {
            Keyframe first = new Keyframe(0, "", keyframes.get(0).prompt());
            templates.put(first, templates.get(keyframes.get(0)));
            keyframes.add(0, first);
        }
        Keyframe lastGiven = keyframes.get(keyframes.size() - 1);
        if (lastGiven.frame() < settings.maxFrames()) {
            Keyframe last = new Keyframe(settings.maxFrames(), "", lastGiven.prompt());
            templates.put(last, templates.get(lastGiven));
            keyframes.add(last);
        }
        List<PromptTemplate[]> prompts = keyframes.stream().map(templates::get).toList();
        return new PromptSchedule(settings, keyframes, prompts);
    }

    /** Keyframes by frame, including the implicit first and last ones (with an empty key). */
    public List<Keyframe> keyframes() {
        return keyframes;
    }

    public int frameCount() {
        return settings.maxFrames();
    }

    /** The prompts and weight of one frame, expressions evaluated for it. */
    public FramePrompt frame(int frame) {
        if (frame < 0 || frame >= settings.maxFrames()) {
            throw new IndexOutOfBoundsException("frame " + frame + " is outside 0.." + (settings.maxFrames() - 1));
        }
        Map<String, Value> variables = Map.of(
                "t", Value.ofInteger(frame), "max_f", Value.ofInteger(settings.maxFrames() - 1L),
                "pw_a", Value.of(settings.weights().value(0, frame)), "pw_b", Value.of(settings.weights().value(1, frame)),
                "pw_c", Value.of(settings.weights().value(2, frame)), "pw_d", Value.of(settings.weights().value(3, frame)));
        PromptTemplate[] cur = prompts.get(current[frame]);
        PromptTemplate[] nxt = prompts.get(next[frame]);
        return new FramePrompt(frame, cur[0].render(variables, frame), nxt[0].render(variables, frame),
                cur[1].render(variables, frame), nxt[1].render(variables, frame), weight[frame]);
    }

    /** The share of the current keyframe's prompt at a frame (as {@link #frame} gives it, without the prompts). */
    public double weight(int frame) {
        if (frame < 0 || frame >= settings.maxFrames()) {
            throw new IndexOutOfBoundsException("frame " + frame + " is outside 0.." + (settings.maxFrames() - 1));
        }
        return weight[frame];
    }

    /** Every frame in order. */
    public List<FramePrompt> frames() {
        List<FramePrompt> all = new ArrayList<>(settings.maxFrames());
        for (int f = 0; f < settings.maxFrames(); f++) {
            all.add(frame(f));
        }
        return all;
    }

    private static int frameOf(RawKeyframe raw, int maxFrames, SourceText source) {
        String key = raw.key();
        if (!key.isEmpty() && NUMBER.matcher(key).matches()) {
            if (key.contains(".")) {
                throw source.error("key \"" + key + "\" is not a whole frame number", raw.keyOffset());
            }
            if (key.equals("+") || key.equals("-")) {
                throw source.error("key \"" + key + "\" is not a frame number", raw.keyOffset());
            }
            return checked(raw, Double.parseDouble(key), source);
        }
        try {
            Value value = MathExpression.parse(key, KEY_VARIABLES)
                    .evaluate(Map.of("max_f", Value.ofInteger(maxFrames), "max_frames", Value.ofInteger(maxFrames)));
            return checked(raw, value.number(), source);
        } catch (ExpressionException e) {
            throw source.error("key \"" + key + "\": " + e.reason(), raw.keyOffset() + Math.min(e.offset(), key.length()));
        }
    }

    private static int checked(RawKeyframe raw, double value, SourceText source) {
        long frame = (long) value;                                      // Python's int(): towards zero
        if (frame < 0 || frame > Integer.MAX_VALUE / 2) {
            throw source.error("key \"" + raw.key() + "\" names frame " + frame + "; frames start at 0",
                    raw.keyOffset());
        }
        return (int) frame;
    }

    private static String[] splitNegative(String text, String name) {
        String[] parts = text.split(NEG, -1);
        if (parts.length > 2) {
            throw new SourceText(name, text).error("'--neg' may appear only once",
                    text.indexOf(NEG, text.indexOf(NEG) + 1));
        }
        return new String[]{parts[0], parts.length > 1 ? parts[1] : ""};
    }

    /** A piece of the pre/app text that starts at {@code start} of it. */
    private static PromptTemplate whole(String piece, SourceText source, int start) {
        int[] offsets = new int[piece.length()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = start + i;
        }
        return PromptTemplate.parse(piece, offsets, source);
    }
}
