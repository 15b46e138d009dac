"""The node classes: "Send to flowpack" and "Load from flowpack"."""

import numpy as np

from . import images as imaging, results
from .client import FlowpackClient, FlowpackError
from .comfy_hooks import JobProgress
from .parameters import parse_parameters

CATEGORY = "flowpack"
SERVER_URL = ("STRING", {"default": "", "tooltip": "flowpack server, e.g. http://127.0.0.1:8080; empty uses "
                                                   "$FLOWPACK_URL, else http://127.0.0.1:8080"})


class SendToFlowpack:
    """Posts each picture of the IMAGE batch (with its MASK as <name>.mask.png) as one job to a flowpack
    template; with ``wait`` it polls the job and returns the result pictures."""

    @classmethod
    def INPUT_TYPES(cls):
        return {
            "required": {
                "images": ("IMAGE",),
                "template": ("STRING", {"default": "comfy-upscale",
                                        "tooltip": "flowpack job template: the x of a route starting with job:x"}),
                "parameters": ("STRING", {"default": "", "multiline": True,
                                          "placeholder": "key=value lines or a JSON object, e.g. factor=3",
                                          "tooltip": "step parameters of the template's route"}),
                "wait": ("BOOLEAN", {"default": True,
                                     "tooltip": "wait for the job and return its results; off returns at once"}),
                "timeout_seconds": ("INT", {"default": 300, "min": 1, "max": 86400}),
            },
            "optional": {
                "mask": ("MASK",),
                "server_url": SERVER_URL,
            },
        }

    RETURN_TYPES = ("STRING", "IMAGE", "MASK")
    RETURN_NAMES = ("job_id", "images", "mask")
    OUTPUT_TOOLTIPS = ("the flowpack job id",
                       "the result pictures (with wait off: the pictures sent)",
                       "the result masks: mask parts, else 1 - alpha, else zeros (with wait off: the mask sent)")
    FUNCTION = "send"
    CATEGORY = CATEGORY
    OUTPUT_NODE = True
    DESCRIPTION = "Send images (and a mask) to a flowpack job template and optionally wait for the results"

    @classmethod
    def IS_CHANGED(cls, **kwargs):
        return float("nan")  # every run submits a new job

    def send(self, images, template, parameters="", wait=True, timeout_seconds=300, mask=None, server_url=""):
        step_parameters = parse_parameters(parameters)
        batch = imaging.image_batch(images)
        count, height, width = batch.shape[:3]
        masks = None if mask is None else imaging.mask_batch(mask, count, height, width)
        client = FlowpackClient(server_url)
        job_id = client.submit(template, _files(batch, masks), step_parameters)
        if not wait:
            sent_masks = masks if masks is not None else np.zeros((count, height, width), np.float32)
            return _answer(job_id, _rgb(batch), sent_masks)
        job = client.wait(job_id, timeout_seconds, on_poll=JobProgress(client, job_id, cancel_on_interrupt=True))
        pictures, result_masks = results.load_job(client, job)
        return _answer(job_id, pictures, result_masks)


class LoadFromFlowpack:
    """Loads a finished job's result pictures (``jobId``) or one part (``jobId/partId``) as IMAGE and MASK."""

    @classmethod
    def INPUT_TYPES(cls):
        return {
            "required": {
                "reference": ("STRING", {"default": "", "tooltip": "a job id, or jobId/partId for one part"}),
                "timeout_seconds": ("INT", {"default": 300, "min": 0, "max": 86400,
                                            "tooltip": "how long to wait for an unfinished job"}),
            },
            "optional": {
                "server_url": SERVER_URL,
            },
        }

    RETURN_TYPES = ("IMAGE", "MASK")
    RETURN_NAMES = ("images", "mask")
    FUNCTION = "load"
    CATEGORY = CATEGORY
    DESCRIPTION = "Load the result pictures of a flowpack job, or one of its parts"

    def load(self, reference, timeout_seconds=300, server_url=""):
        job_id, part_id = results.parse_reference(reference)
        client = FlowpackClient(server_url)
        job = client.wait(job_id, timeout_seconds, on_poll=JobProgress(client, job_id, cancel_on_interrupt=False))
        if part_id is not None:
            pictures, masks = results.load_part(client, job, part_id)
        else:
            pictures, masks = results.load_job(client, job)
        return (imaging.output(pictures), imaging.output(masks))


def _files(batch, masks):
    files = []
    for index in range(batch.shape[0]):
        files.append(("comfy-%d.png" % index, "image/png", imaging.png(batch[index])))
        if masks is not None:
            files.append(("comfy-%d.mask.png" % index, "image/png", imaging.png(masks[index])))
    return files


def _rgb(batch):
    """The pictures sent, as the 3-channel IMAGE ComfyUI nodes expect."""
    return np.repeat(batch, 3, axis=-1) if batch.shape[-1] == 1 else batch[..., :3]


def _answer(job_id, pictures, masks):
    result = (job_id, imaging.output(pictures), imaging.output(masks))
    return {"ui": {"text": [job_id]}, "result": result}


__all__ = ["SendToFlowpack", "LoadFromFlowpack", "FlowpackError"]
