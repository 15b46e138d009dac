package io.flowpack.step;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterBinderTest {

    enum Method { LANCZOS, NEAREST_NEIGHBOUR }

    record Params(
            @Param(description = "scale factor", defaultValue = "2", min = 1, max = 8) float factor,
            @Param(description = "resampling method", defaultValue = "lanczos") Method method,
            @Param(description = "tile size", defaultValue = "512", min = 64) int tile,
            @Param(description = "output format", defaultValue = "same", allowed = {"same", "png", "jpeg"}) String format,
            @Param(description = "keep alpha", defaultValue = "true") boolean alpha,
            @Param(description = "label") String label) {
    }

    @Test
    void defaultsComeFromTheDeclaration() {
        Params p = ParameterBinder.defaults("upscale", Params.class);
        assertThat(p).isEqualTo(new Params(2f, Method.LANCZOS, 512, "same", true, null));
    }

    @Test
    void bindsTextNumbersAndBooleans() {
        Params p = ParameterBinder.bind("upscale", Params.class,
                Map.of("factor", "4", "method", "nearest-neighbour", "tile", 128, "alpha", false, "format", "png"));
        assertThat(p).isEqualTo(new Params(4f, Method.NEAREST_NEIGHBOUR, 128, "png", false, null));
    }

    @Test
    void unknownParameterListsTheKnownOnesAndSuggests() {
        assertThatThrownBy(() -> ParameterBinder.bind("upscale", Params.class, Map.of("facter", "2")))
                .isInstanceOf(ParameterException.class)
                .hasMessage("unknown parameter 'facter' for step 'upscale'; known: factor, method, tile, format, alpha, label"
                        + " (did you mean 'factor'?)");
    }

    @Test
    void wrongTypeRangeAndAllowedValuesAreNamed() {
        assertThatThrownBy(() -> ParameterBinder.bind("upscale", Params.class, Map.of("tile", "big")))
                .hasMessage("parameter 'tile' of step 'upscale' must be an integer, got 'big'");
        assertThatThrownBy(() -> ParameterBinder.bind("upscale", Params.class, Map.of("factor", "9")))
                .hasMessage("parameter 'factor' of step 'upscale' must be between 1 and 8, got 9.0");
        assertThatThrownBy(() -> ParameterBinder.bind("upscale", Params.class, Map.of("tile", 32)))
                .hasMessage("parameter 'tile' of step 'upscale' must be at least 64, got 32");
        assertThatThrownBy(() -> ParameterBinder.bind("upscale", Params.class, Map.of("method", "bicubic")))
                .hasMessage("parameter 'method' of step 'upscale' must be one of lanczos, nearest-neighbour; got 'bicubic'");
        assertThatThrownBy(() -> ParameterBinder.bind("upscale", Params.class, Map.of("format", "gif")))
                .hasMessage("parameter 'format' of step 'upscale' must be one of same, png, jpeg; got 'gif'");
        assertThatThrownBy(() -> ParameterBinder.bind("upscale", Params.class, Map.of("alpha", "yes")))
                .hasMessage("parameter 'alpha' of step 'upscale' must be true or false, got 'yes'");
        assertThatThrownBy(() -> ParameterBinder.bind("upscale", Params.class, Map.of("tile", 12.5)))
                .hasMessage("parameter 'tile' of step 'upscale' must be an integer, got 12.5");
    }

    @Test
    void specsDescribeEveryComponent() {
        assertThat(ParameterBinder.specs(Params.class)).containsExactly(
                new ParameterSpec("factor", "float", 2.0f, 1.0, 8.0, java.util.List.of(), "scale factor"),
                new ParameterSpec("method", "enum", "lanczos", null, null, java.util.List.of("lanczos", "nearest-neighbour"),
                        "resampling method"),
                new ParameterSpec("tile", "int", 512, 64.0, null, java.util.List.of(), "tile size"),
                new ParameterSpec("format", "string", "same", null, null, java.util.List.of("same", "png", "jpeg"),
                        "output format"),
                new ParameterSpec("alpha", "boolean", true, null, null, java.util.List.of(), "keep alpha"),
                new ParameterSpec("label", "string", null, null, null, java.util.List.of(), "label"));
    }

    @Test
    void editDistanceCountsSingleEdits() {
        assertThat(ParameterBinder.distance("factor", "facter")).isEqualTo(1);
        assertThat(ParameterBinder.distance("tile", "title")).isEqualTo(1);
        assertThat(ParameterBinder.distance("abc", "xyz")).isEqualTo(3);
    }
}
