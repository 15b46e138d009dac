package io.flowpack.generate.scheduler;

import java.util.List;
import java.util.Locale;

/** The schedulers by name: {@code euler}, {@code euler_ancestral}, {@code ddim}, {@code lcm}, or {@code auto}. */
public final class Schedulers {
    public static final List<String> NAMES = List.of("euler", "euler_ancestral", "ddim", "lcm");
    public static final String AUTO = "auto";

    private Schedulers() {
    }

    /**
     * @param name a scheduler name, or {@code auto}: the one {@code _class_name} of the config names when flowpack has
     *             it (EulerDiscrete, EulerAncestralDiscrete, DDIM, LCM), else {@code euler}
     * @throws SchedulerConfigException for an unknown name or steps out of range
     */
    public static NoiseScheduler create(String name, SchedulerConfig config, int steps) {
        String resolved = resolve(name, config);
        return switch (resolved) {
            case "euler" -> new EulerScheduler(config, steps, false);
            case "euler_ancestral" -> new EulerScheduler(config, steps, true);
            case "ddim" -> new DdimScheduler(config, steps);
            default -> new LcmScheduler(config, steps);
        };
    }

    /** The scheduler name {@code name} stands for with this config. */
    public static String resolve(String name, SchedulerConfig config) {
        String key = name == null || name.isBlank() ? AUTO : name.strip().toLowerCase(Locale.ROOT);
        if (key.equals(AUTO)) {
            return switch (config.className()) {
                case "EulerAncestralDiscreteScheduler" -> "euler_ancestral";
                case "DDIMScheduler" -> "ddim";
                case "LCMScheduler" -> "lcm";
                default -> "euler";
            };
        }
        if (!NAMES.contains(key)) {
            throw new SchedulerConfigException("unknown scheduler '" + name + "'; use " + AUTO + " or one of " + NAMES);
        }
        return key;
    }
}
