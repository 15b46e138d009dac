package io.flowpack.model;

/**
 * One input or output of a model as its manifest declares it.
 *
 * @param name   the tensor's name in the ONNX graph
 * @param role   what it carries: {@value #IMAGE} (RGB), {@value #MASK} (one channel, 1 = the area to fill),
 *               or any other word for tensors an adapter of its own interprets (boxes, scores, …)
 * @param layout axis order of image and mask tensors; null for other roles
 */
public record TensorSpec(String name, String role, TensorLayout layout) {
    public static final String IMAGE = "image";
    public static final String MASK = "mask";

    public TensorSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tensor needs a name");
        }
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("tensor '" + name + "' needs a role (image, mask, …)");
        }
        if (isPixels(role) && layout == null) {
            throw new IllegalArgumentException("tensor '" + name + "' with role " + role + " needs a layout (NCHW or NHWC)");
        }
    }

    public boolean isImage() {
        return IMAGE.equals(role);
    }

    public boolean isMask() {
        return MASK.equals(role);
    }

    /** The channel count an image or mask tensor must have; 0 for other roles. */
    public int channels() {
        return isImage() ? 3 : isMask() ? 1 : 0;
    }

    static boolean isPixels(String role) {
        return IMAGE.equals(role) || MASK.equals(role);
    }
}
