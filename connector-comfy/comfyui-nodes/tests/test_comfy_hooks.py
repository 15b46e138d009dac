"""Inside ComfyUI the nodes drive its progress bar and honour its interrupt; ComfyUI's two modules are replaced
here by stand-ins with the same functions (ComfyUI itself is not installed with Debian's Python)."""

import sys
import time
import types
import unittest

import numpy as np

from flowpack_nodes import FlowpackClient, SendToFlowpack
from tests.test_round_trip import picture, setUpModule  # noqa: F401 (the same server check)


class InterruptProcessingException(Exception):
    pass


class ComfyStandIn:
    def __init__(self, interrupt_after_polls):
        self.updates = []
        self.polls = 0
        self.interrupt_after_polls = interrupt_after_polls
        stand_in = self

        class ProgressBar:
            def __init__(self, total):
                self.total = total

            def update_absolute(self, value, total=None, preview=None):
                stand_in.updates.append((value, total))

        def throw_exception_if_processing_interrupted():
            stand_in.polls += 1
            if stand_in.polls > stand_in.interrupt_after_polls:
                raise InterruptProcessingException()

        self.modules = {
            "comfy": types.ModuleType("comfy"),
            "comfy.utils": types.ModuleType("comfy.utils"),
            "comfy.model_management": types.ModuleType("comfy.model_management"),
        }
        self.modules["comfy.utils"].ProgressBar = ProgressBar
        self.modules["comfy.model_management"].throw_exception_if_processing_interrupted = \
            throw_exception_if_processing_interrupted
        self.modules["comfy"].utils = self.modules["comfy.utils"]
        self.modules["comfy"].model_management = self.modules["comfy.model_management"]

    def __enter__(self):
        sys.modules.update(self.modules)
        return self

    def __exit__(self, *exc):
        for name in self.modules:
            sys.modules.pop(name, None)


class ComfyHooksTest(unittest.TestCase):

    def test_progress_reaches_100_when_the_job_is_done(self):
        with ComfyStandIn(interrupt_after_polls=1000) as comfy:
            SendToFlowpack().send(picture(), "comfy-upscale", "method=lanczos", True, 60)
        self.assertTrue(comfy.updates)
        self.assertEqual(comfy.updates[-1], (100, 100))
        self.assertTrue(all(0 <= value <= 100 for value, _ in comfy.updates))

    def test_interrupt_stops_waiting_and_cancels_the_submitted_job(self):
        big = np.random.default_rng(9).random((1, 512, 512, 3), dtype=np.float32)
        hole = np.zeros((1, 512, 512), np.float32)
        hole[:, 100:350, 100:350] = 1.0
        with ComfyStandIn(interrupt_after_polls=0), self.assertRaises(InterruptProcessingException):
            SendToFlowpack().send(big, "comfy-anonymize", "maskMode=replace\nmaxPersonShare=90", True, 120,
                                  mask=hole)
        client = FlowpackClient()
        job = client.job(client.jobs(limit=1)[0]["id"])
        deadline = time.monotonic() + 60
        while job["state"] not in ("CANCELLED", "SUCCEEDED", "FAILED") and time.monotonic() < deadline:
            time.sleep(0.2)
            job = client.job(job["id"])
        self.assertEqual(job["state"], "CANCELLED", "%s: %s" % (job["state"], job["error"]))


if __name__ == "__main__":
    unittest.main()
