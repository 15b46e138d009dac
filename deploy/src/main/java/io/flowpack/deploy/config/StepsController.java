package io.flowpack.deploy.config;

import io.flowpack.engine.StepRegistry;
import io.flowpack.step.StepDescriptors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The machine-readable step descriptors (the same ones ComfyUI node inputs and docs are made from). */
@RestController
@RequestMapping("/api/steps")
@Tag(name = "steps", description = "Available processing steps and their parameters")
public class StepsController {
    private final StepRegistry registry;

    public StepsController(StepRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    @Operation(summary = "List every step with its accepted media types and parameters")
    public List<Map<String, Object>> list() {
        return registry.all().stream().map(s -> StepDescriptors.toMap(s.descriptor())).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One step's descriptor")
    public Map<String, Object> one(@PathVariable String name) {
        return StepDescriptors.toMap(registry.require(name).descriptor());
    }
}
