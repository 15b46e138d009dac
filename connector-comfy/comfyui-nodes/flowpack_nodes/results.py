"""A job's result parts (or one part) as an IMAGE batch and its MASK batch."""

import re

import numpy as np

from . import images
from .client import FlowpackError, checked_id

# A mask part: comfy-0.mask.png, and what steps make of it, e.g. comfy-0.mask-x2.png.
_MASK_NAME = re.compile(r"\.mask([._-][^/]*)?\.[A-Za-z0-9]+$")
_REFERENCE = re.compile(r"^(?:.*/api/jobs/)?([^/\s]+)(?:/(?:parts/)?([^/\s]+))?/?$")


def parse_reference(reference):
    """``(job_id, part_id or None)`` from ``jobId``, ``jobId/partId`` or a ``…/api/jobs/{id}[/parts/{partId}]`` URL."""
    text = (reference or "").strip()
    match = _REFERENCE.match(text)
    if not text or not match:
        raise ValueError("'%s' is not a flowpack reference: give a job id or jobId/partId" % text)
    job_id = checked_id(match.group(1), "job id")
    part_id = checked_id(match.group(2), "part id") if match.group(2) else None
    return job_id, part_id


def is_mask(name):
    return bool(_MASK_NAME.search(name or ""))


def is_image(part):
    return (part.get("mediaType") or "").startswith("image/")


def load_job(client, job):
    """The job's BASE image parts as ``(images [B,H,W,3], masks [B,H,W])`` numpy batches.

    Each picture's mask is the mask part of its document (``*.mask*.png``), else ``1 - alpha``, else zeros.
    Pictures of other sizes than the first are resized to it (ComfyUI batches share one size).
    """
    if job["state"] != "SUCCEEDED":
        raise FlowpackError("flowpack job %s is %s%s" % (job["id"], job["state"],
                                                          ": " + job["error"] if job.get("error") else ""))
    parts = [p for p in job.get("parts", []) if p.get("kind") == "BASE" and is_image(p)]
    pictures = [p for p in parts if not is_mask(p["name"])]
    if not pictures:
        listed = ", ".join("%s (%s, %s)" % (p["name"], p["mediaType"], p["kind"]) for p in job.get("parts", []))
        raise FlowpackError("flowpack job %s has no image results; its parts: %s" % (job["id"], listed or "none"))
    masks = {p.get("document"): p for p in parts if is_mask(p["name"])}
    pixels, alphas = [], []
    for part in pictures:
        picture, alpha = images.rgb_and_alpha_mask(_fetch(client, job["id"], part))
        mask_part = masks.get(part.get("document"))
        if mask_part is not None:
            alpha = images.gray(_fetch(client, job["id"], mask_part))
        pixels.append(picture)
        alphas.append(alpha)
    return _batch(pixels, alphas)


def load_part(client, job, part_id):
    """One part of a job as a batch of one; a mask part's mask is its gray value."""
    part = next((p for p in job.get("parts", []) if p["id"] == part_id), None)
    if part is None:
        raise FlowpackError("flowpack job %s has no part %s" % (job["id"], part_id))
    if not is_image(part):
        raise ValueError("part %s of job %s is '%s' (%s), not an image"
                         % (part_id, job["id"], part["name"], part["mediaType"]))
    image = _fetch(client, job["id"], part)
    picture, alpha = images.rgb_and_alpha_mask(image)
    if is_mask(part["name"]):
        alpha = images.gray(image)
    return _batch([picture], [alpha])


def _fetch(client, job_id, part):
    return images.decode(client.part_bytes(job_id, part["id"]), part["name"])


def _batch(pixels, alphas):
    height, width = pixels[0].shape[:2]
    batch = np.stack([images.fit(p, height, width) for p in pixels])
    masks = np.stack([images.fit(a, height, width) if a is not None else np.zeros((height, width), np.float32)
                      for a in alphas])
    return batch, masks
