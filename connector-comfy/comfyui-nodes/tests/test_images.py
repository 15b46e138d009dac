import io
import unittest

import numpy as np
from PIL import Image

from flowpack_nodes import images, multipart
from flowpack_nodes.results import is_mask, parse_reference


class FakeTensor:
    """The part of torch.Tensor's interface the pack uses, for machines without torch."""

    def __init__(self, array):
        self.array = array
        self.calls = []

    def detach(self):
        self.calls.append("detach")
        return self

    def cpu(self):
        self.calls.append("cpu")
        return self

    def float(self):
        self.calls.append("float")
        return self

    def numpy(self):
        self.calls.append("numpy")
        return self.array


class ImagesTest(unittest.TestCase):

    def test_picture_survives_png_within_rounding(self):
        rng = np.random.default_rng(7)
        picture = rng.random((5, 7, 3), dtype=np.float32)
        decoded, alpha = images.rgb_and_alpha_mask(images.decode(images.png(picture), "p.png"))
        self.assertIsNone(alpha)
        self.assertEqual(decoded.shape, (5, 7, 3))
        self.assertLessEqual(np.abs(decoded - picture).max(), 0.5 / 255 + 1e-6)

    def test_alpha_becomes_comfyui_mask(self):
        rgba = np.zeros((4, 4, 4), np.uint8)
        rgba[..., 3] = 255
        rgba[1, 2, 3] = 0
        buffer = io.BytesIO()
        Image.fromarray(rgba, "RGBA").save(buffer, format="PNG")
        _, mask = images.rgb_and_alpha_mask(images.decode(buffer.getvalue(), "a.png"))
        self.assertEqual(mask[1, 2], 1.0)
        self.assertEqual(mask.sum(), 1.0)

    def test_tensor_like_input_is_moved_to_the_cpu(self):
        tensor = FakeTensor(np.ones((2, 3, 4, 3), np.float32))
        self.assertEqual(images.image_batch(tensor).shape, (2, 3, 4, 3))
        self.assertEqual(tensor.calls, ["detach", "cpu", "float", "numpy"])

    def test_single_picture_and_single_mask_are_batches_of_one_and_broadcast(self):
        self.assertEqual(images.image_batch(np.zeros((3, 4, 3))).shape, (1, 3, 4, 3))
        self.assertEqual(images.mask_batch(np.ones((3, 4)), 2, 3, 4).shape, (2, 3, 4))

    def test_bad_shapes_are_refused_precisely(self):
        with self.assertRaisesRegex(ValueError, r"1, 3 or 4 channels, got shape \(1, 3, 4, 2\)"):
            images.image_batch(np.zeros((1, 3, 4, 2)))
        with self.assertRaisesRegex(ValueError, "IMAGE is empty"):
            images.image_batch(np.zeros((0, 3, 4, 3)))
        with self.assertRaisesRegex(ValueError, "MASK is 5×4 but IMAGE is 3×4"):
            images.mask_batch(np.zeros((1, 5, 4)), 1, 3, 4)
        with self.assertRaisesRegex(ValueError, "MASK batch of 3 does not fit an IMAGE batch of 2"):
            images.mask_batch(np.zeros((3, 3, 4)), 2, 3, 4)

    def test_not_an_image_is_named(self):
        with self.assertRaisesRegex(ValueError, "'x.png' is not a readable image"):
            images.decode(b"not a png", "x.png")

    def test_fit_resizes_to_the_batch_size(self):
        self.assertEqual(images.fit(np.ones((2, 3, 3), np.float32), 4, 6).shape, (4, 6, 3))
        self.assertAlmostEqual(float(images.fit(np.ones((2, 3), np.float32), 4, 6).min()), 1.0, places=5)


class ReferencesTest(unittest.TestCase):

    def test_job_part_and_url_references(self):
        self.assertEqual(parse_reference(" abc-1 "), ("abc-1", None))
        self.assertEqual(parse_reference("abc/def"), ("abc", "def"))
        self.assertEqual(parse_reference("http://h:8080/api/jobs/abc/parts/def"), ("abc", "def"))
        for bad in ("", "a b", "a/b/c/d", "../x/y?z"):
            with self.subTest(reference=bad), self.assertRaises(ValueError):
                parse_reference(bad)

    def test_mask_part_names(self):
        self.assertTrue(is_mask("comfy-0.mask.png"))
        self.assertTrue(is_mask("comfy-0.mask-x2.png"))
        self.assertFalse(is_mask("comfy-0-x2.png"))
        self.assertFalse(is_mask("masked.png"))


class MultipartTest(unittest.TestCase):

    def test_fields_and_files_with_escaped_names(self):
        content_type, body = multipart.encode({"template": "t", "factor": "2"},
                                              [("files", 'a"b.png', "image/png", b"\x89PNG")])
        boundary = content_type.split("boundary=")[1].encode()
        self.assertTrue(body.endswith(b"--" + boundary + b"--\r\n"))
        self.assertIn(b'name="template"\r\n\r\nt\r\n', body)
        self.assertIn(b'filename="a%22b.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n', body)


if __name__ == "__main__":
    unittest.main()
