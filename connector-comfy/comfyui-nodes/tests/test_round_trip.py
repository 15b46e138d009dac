"""The nodes against a real flowpack server ($FLOWPACK_URL) serving deploy/routes/comfy-inbox.yaml.

deploy's ComfyNodePackTest starts that server and runs this folder with Debian's system Python.
"""

import os
import unittest
import urllib.request

import numpy as np

from flowpack_nodes import FlowpackClient, FlowpackError, LoadFromFlowpack, SendToFlowpack
from flowpack_nodes import images as imaging
from flowpack_nodes.images import as_array


def setUpModule():
    url = os.environ.get("FLOWPACK_URL")
    if not url:
        raise RuntimeError("set FLOWPACK_URL to a flowpack server with deploy/routes/comfy-inbox.yaml "
                           "(deploy's ComfyNodePackTest does)")
    try:
        urllib.request.urlopen(url.rstrip("/") + "/api/jobs?limit=1", timeout=10).close()
    except OSError as e:
        raise RuntimeError("no flowpack server at FLOWPACK_URL=%s: %s" % (url, e)) from None


def picture(height=48, width=64):
    """A blue noisy field with a red square in the middle, [1, H, W, 3] float 0..1 like a ComfyUI IMAGE."""
    rng = np.random.default_rng(3)
    pixels = (rng.random((height, width, 3)) * 0.15 + np.array([0.15, 0.35, 0.65])).astype(np.float32)
    pixels[height // 4:3 * height // 4, width // 4:width // 2] = (0.9, 0.1, 0.1)
    return pixels[None]


def square_mask(height=48, width=64, grow=2):
    """1 over the red square (grown by ``grow`` pixels), [1, H, W] like a ComfyUI MASK."""
    mask = np.zeros((1, height, width), np.float32)
    mask[:, height // 4 - grow:3 * height // 4 + grow, width // 4 - grow:width // 2 + grow] = 1.0
    return mask


def load(reference, timeout):
    """Load from flowpack's outputs as numpy arrays (they are torch tensors where torch is installed)."""
    return [as_array(value) for value in LoadFromFlowpack().load(reference, timeout)]


class SendAndLoadTest(unittest.TestCase):

    def send(self, images, template, parameters="", mask=None, wait=True, timeout=120):
        answer = SendToFlowpack().send(images, template, parameters, wait, timeout, mask=mask)
        job_id, images, mask = answer["result"]
        self.assertEqual(answer["ui"]["text"], [job_id])
        return job_id, as_array(images), as_array(mask)

    def test_upscale_returns_the_enlarged_picture_and_its_mask(self):
        images, mask = picture(), square_mask()
        job_id, result, result_mask = self.send(images, "comfy-upscale", "method=lanczos", mask=mask)

        self.assertRegex(job_id, r"^[0-9a-f-]{36}$")
        self.assertEqual(result.shape, (1, 96, 128, 3))
        self.assertEqual(result.dtype, np.float32)
        halved = result[0].reshape(48, 2, 64, 2, 3).mean(axis=(1, 3))
        self.assertLess(np.abs(halved - images[0]).mean(), 0.03)
        self.assertEqual(result_mask.shape, (1, 96, 128))
        self.assertAlmostEqual(float(result_mask[0, 40:56, 40:56].mean()), 1.0, delta=0.01)
        self.assertAlmostEqual(float(result_mask[0, :10].mean()), 0.0, delta=0.01)

    def test_neural_upscale_of_a_batch_returns_every_picture(self):
        batch = np.concatenate([picture(), 1.0 - picture()])
        job_id, result, result_mask = self.send(batch, "comfy-upscale", '{"factor": 2}')

        self.assertEqual(result.shape, (2, 96, 128, 3))
        self.assertEqual(result_mask.shape, (2, 96, 128))
        self.assertEqual(float(np.abs(result_mask).max()), 0.0)
        self.assertGreater(float(result[0, ..., 2].mean()), float(result[0, ..., 0].mean()))  # still blue
        self.assertGreater(float(result[1, ..., 0].mean()), float(result[1, ..., 2].mean()))  # the inverse
        job = FlowpackClient().job(job_id)
        self.assertEqual([i["name"] for i in job["inputs"]], ["comfy-0.png", "comfy-1.png"])

    def test_anonymize_fills_the_comfyui_mask_from_its_surroundings(self):
        images, mask = picture(96, 128), square_mask(96, 128, grow=3)
        _, result, _ = self.send(images, "comfy-anonymize", "maskMode=replace", mask=mask)

        self.assertEqual(result.shape, (1, 96, 128, 3))
        inside = result[0, 30:66, 38:58]
        self.assertLess(float(inside[..., 0].mean()), 0.4, "the red square is still there")
        self.assertGreater(float(inside[..., 2].mean()), 0.5, "the hole is not filled with the blue around it")
        far_from_the_mask = np.r_[0:12, 84:96]  # the mask covers rows 21 to 74
        self.assertLess(float(np.abs(result[0, far_from_the_mask] - images[0, far_from_the_mask]).max()), 0.05)

    def test_without_waiting_the_job_id_loads_later_whole_or_by_part(self):
        images, mask = picture(), square_mask()
        job_id, passed, passed_mask = self.send(images, "comfy-upscale", "method=lanczos", mask=mask, wait=False)
        np.testing.assert_array_equal(passed, images)
        np.testing.assert_array_equal(passed_mask, mask)

        loaded, loaded_mask = load(job_id, 60)
        self.assertEqual(loaded.shape, (1, 96, 128, 3))
        self.assertAlmostEqual(float(loaded_mask[0, 40:56, 40:56].mean()), 1.0, delta=0.01)

        parts = FlowpackClient().job(job_id)["parts"]
        picture_part = next(p for p in parts if p["name"] == "comfy-0-x2.png")
        mask_part = next(p for p in parts if p["name"] == "comfy-0.mask-x2.png")
        one, one_mask = load("%s/%s" % (job_id, picture_part["id"]), 0)
        np.testing.assert_array_equal(one, loaded)
        self.assertEqual(float(one_mask.max()), 0.0)
        _, only_mask = load("%s/parts/%s" % (job_id, mask_part["id"]), 0)
        np.testing.assert_array_equal(only_mask, loaded_mask)

        audit = next(p for p in parts if p["kind"] == "META")
        with self.assertRaisesRegex(ValueError, "is 'comfy-0.audit.json' \\(application/json\\), not an image"):
            LoadFromFlowpack().load("%s/%s" % (job_id, audit["id"]), 0)


class TensorTest(unittest.TestCase):

    def test_outputs_are_torch_tensors_where_torch_is_installed_else_numpy_arrays(self):
        torch = imaging.torch
        images = picture() if torch is None else torch.from_numpy(picture()).to(torch.bfloat16)
        mask = square_mask() if torch is None else torch.from_numpy(square_mask()).half()
        job_id, result, result_mask = SendToFlowpack().send(images, "comfy-upscale", "method=lanczos", True, 60,
                                                            mask=mask)["result"]
        loaded, loaded_mask = LoadFromFlowpack().load(job_id, 0)
        expected = np.ndarray if torch is None else torch.Tensor
        for value in (result, result_mask, loaded, loaded_mask):
            self.assertIsInstance(value, expected)
        self.assertEqual(tuple(result.shape), (1, 96, 128, 3))
        self.assertAlmostEqual(float(as_array(result_mask)[0, 40:56, 40:56].mean()), 1.0, delta=0.01)


class RefusalsTest(unittest.TestCase):

    def test_unknown_template_shows_status_and_flowpacks_detail(self):
        with self.assertRaises(FlowpackError) as caught:
            SendToFlowpack().send(picture(), "comfy-nope", "", True, 10)
        self.assertEqual(caught.exception.status, 404)
        self.assertIn("404 Not found", str(caught.exception))
        self.assertIn("unknown template 'comfy-nope'; known templates: comfy-anonymize, comfy-upscale",
                      str(caught.exception))

    def test_misspelt_parameter_is_refused_with_a_suggestion(self):
        with self.assertRaisesRegex(FlowpackError, "400 Invalid job parameter .*unknown parameter 'facter'.*"
                                                   "did you mean 'factor'"):
            SendToFlowpack().send(picture(), "comfy-upscale", "facter=3", True, 10)

    def test_failed_job_reports_the_steps_reason(self):
        everything = np.ones((1, 48, 64), np.float32)
        with self.assertRaisesRegex(FlowpackError, "job .* is FAILED: people cover 100.0 %.*maxPersonShare"):
            SendToFlowpack().send(picture(), "comfy-anonymize", "maskMode=replace", True, 60, mask=everything)

    def test_unknown_job_and_bad_reference(self):
        with self.assertRaisesRegex(FlowpackError, "404 .*no job 00000000-0000-0000-0000-000000000000"):
            LoadFromFlowpack().load("00000000-0000-0000-0000-000000000000", 0)
        with self.assertRaisesRegex(ValueError, "not a flowpack reference"):
            LoadFromFlowpack().load("../../actuator", 0)

    def test_waiting_ends_at_the_timeout_with_the_job_id(self):
        client = FlowpackClient()
        big = np.random.default_rng(5).random((1, 1024, 1024, 3), dtype=np.float32)
        hole = np.zeros((1, 1024, 1024), np.float32)
        hole[:, 200:700, 200:700] = 1.0
        job_id = SendToFlowpack().send(big, "comfy-anonymize", "maskMode=replace\nmaxPersonShare=90", False, 1,
                                       mask=hole)["result"][0]
        try:
            with self.assertRaisesRegex(TimeoutError, "job %s is still (QUEUED|RUNNING) after 0.05 s" % job_id):
                client.wait(job_id, 0.05)
        finally:
            client.cancel(job_id)

    def test_unreachable_server_names_the_url(self):
        with self.assertRaisesRegex(FlowpackError, "cannot reach flowpack at http://127.0.0.1:9: .*FLOWPACK_URL"):
            SendToFlowpack().send(picture(), "comfy-upscale", "", True, 10, server_url="http://127.0.0.1:9")
        with self.assertRaisesRegex(ValueError, "must be http\\(s\\)://host\\[:port\\]"):
            SendToFlowpack().send(picture(), "comfy-upscale", "", True, 10, server_url="ftp://x")


if __name__ == "__main__":
    unittest.main()
