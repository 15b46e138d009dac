"""ComfyUI IMAGE/MASK values ↔ PNG files.

IMAGE is ``[batch, height, width, channels]`` float 0..1, MASK ``[batch, height, width]`` float 0..1 (1 = masked),
as torch tensors inside ComfyUI; numpy arrays are accepted (and returned) when torch is not installed.
"""

import io

import numpy as np
from PIL import Image

try:
    import torch
except ImportError:  # outside ComfyUI: numpy arrays in and out
    torch = None

_MODES = {1: "L", 3: "RGB", 4: "RGBA"}


def as_array(value):
    """A torch tensor (any device, any float type) or array-like as a float32 numpy array."""
    if hasattr(value, "detach"):
        value = value.detach()
    if hasattr(value, "cpu"):
        value = value.cpu()
    if hasattr(value, "float") and not isinstance(value, np.ndarray):
        value = value.float()  # bfloat16 and half tensors have no numpy form
    if hasattr(value, "numpy") and not isinstance(value, np.ndarray):
        value = value.numpy()
    return np.asarray(value, dtype=np.float32)


def image_batch(images):
    """The IMAGE input as ``[B, H, W, C]`` with C 1, 3 or 4; a single ``[H, W, C]`` picture is a batch of one."""
    array = as_array(images)
    if array.ndim == 3:
        array = array[None]
    if array.ndim != 4 or array.shape[-1] not in _MODES:
        raise ValueError("IMAGE must be [batch, height, width, channels] with 1, 3 or 4 channels, got shape %s"
                         % (array.shape,))
    if 0 in array.shape:
        raise ValueError("IMAGE is empty: shape %s" % (array.shape,))
    return array


def mask_batch(mask, batch, height, width):
    """The MASK input as ``[batch, H, W]``: one mask for all pictures, or one per picture, of the pictures' size."""
    array = as_array(mask)
    if array.ndim == 4 and array.shape[-1] == 1:
        array = array[..., 0]
    if array.ndim == 2:
        array = array[None]
    if array.ndim != 3:
        raise ValueError("MASK must be [batch, height, width], got shape %s" % (array.shape,))
    if array.shape[1:] != (height, width):
        raise ValueError("MASK is %d×%d but IMAGE is %d×%d (height×width); scale the mask to the image first"
                         % (array.shape[1], array.shape[2], height, width))
    if array.shape[0] not in (1, batch):
        raise ValueError("MASK batch of %d does not fit an IMAGE batch of %d (give 1 mask or one per image)"
                         % (array.shape[0], batch))
    return np.broadcast_to(array, (batch, height, width))


def png(pixels):
    """One picture ``[H, W, C]`` or mask ``[H, W]`` (0..1) as PNG bytes."""
    if pixels.ndim == 3 and pixels.shape[-1] == 1:
        pixels = pixels[..., 0]
    channels = 1 if pixels.ndim == 2 else pixels.shape[-1]
    values = np.clip(np.rint(np.nan_to_num(pixels) * 255.0), 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(values, _MODES[channels]).save(buffer, format="PNG", compress_level=4)
    return buffer.getvalue()


def decode(data, name):
    """A result file as a loaded PIL image; a precise error when it is not a picture PIL reads."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return image.copy()
    except (OSError, Image.DecompressionBombError) as e:
        raise ValueError("'%s' is not a readable image: %s" % (name, e)) from None


def rgb_and_alpha_mask(image):
    """``([H, W, 3], mask or None)``: the picture as RGB and, when it has alpha, ComfyUI's mask ``1 - alpha``."""
    mask = None
    if "A" in image.getbands() or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        mask = 1.0 - np.asarray(rgba, dtype=np.float32)[..., 3] / 255.0
        image = rgba
    return np.asarray(image.convert("RGB"), dtype=np.float32) / 255.0, mask


def gray(image):
    """A mask image as ``[H, W]`` 0..1 (white = 1 = masked)."""
    return np.asarray(image.convert("L"), dtype=np.float32) / 255.0


def fit(array, height, width):
    """``array`` (``[H, W]`` or ``[H, W, 3]``, 0..1) resized to height×width with Lanczos when it differs."""
    if array.shape[:2] == (height, width):
        return array
    channels = [array] if array.ndim == 2 else [array[..., c] for c in range(array.shape[-1])]
    resized = [np.asarray(Image.fromarray(c.astype(np.float32), "F").resize((width, height), Image.LANCZOS))
               for c in channels]
    result = resized[0] if array.ndim == 2 else np.stack(resized, axis=-1)
    return np.clip(result, 0.0, 1.0)


def output(array):
    """A numpy batch as ComfyUI passes it on: a torch tensor when torch is installed, else the array."""
    array = np.require(array, np.float32, ["C_CONTIGUOUS", "WRITEABLE"])  # copies broadcast (read-only) views
    return torch.from_numpy(array) if torch is not None else array
