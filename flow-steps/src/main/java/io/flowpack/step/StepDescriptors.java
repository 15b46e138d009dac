package io.flowpack.step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine-readable descriptor of a step (JSON-ready), from which ComfyUI node inputs and docs are made. */
public final class StepDescriptors {

    private StepDescriptors() {
    }

    public static Map<String, Object> toMap(StepDescriptor descriptor) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", descriptor.name());
        map.put("description", descriptor.description());
        map.put("accepts", descriptor.accepts().stream().sorted().toList());
        map.put("produces", descriptor.produces().stream().sorted().toList());
        List<Map<String, Object>> parameters = descriptor.parameterSpecs().stream().map(StepDescriptors::toMap).toList();
        map.put("parameters", parameters);
        return map;
    }

    private static Map<String, Object> toMap(ParameterSpec spec) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", spec.name());
        map.put("type", spec.type());
        map.put("default", spec.defaultValue());
        if (spec.min() != null) {
            map.put("min", spec.min());
        }
        if (spec.max() != null) {
            map.put("max", spec.max());
        }
        if (!spec.allowed().isEmpty()) {
            map.put("allowed", spec.allowed());
        }
        map.put("description", spec.description());
        return map;
    }
}
