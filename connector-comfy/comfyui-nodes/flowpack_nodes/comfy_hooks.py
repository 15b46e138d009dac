"""ComfyUI's progress bar and interrupt flag, when the pack runs inside ComfyUI (no-ops elsewhere)."""

from .client import FlowpackError


class JobProgress:
    """Shows a job's progress on the node and stops waiting when the user interrupts (cancelling the job if
    ``cancel_on_interrupt``: the job this node submitted)."""

    def __init__(self, client, job_id, cancel_on_interrupt):
        self.client = client
        self.job_id = job_id
        self.cancel_on_interrupt = cancel_on_interrupt
        self.bar = _progress_bar(100)

    def __call__(self, job):
        if self.bar is not None:
            steps = job.get("steps") or []
            done = sum(s.get("progress") or 0.0 for s in steps) / len(steps) if steps else 0.0
            self.bar.update_absolute(int(round(done * 100)), 100)
        try:
            _check_interrupted()
        except BaseException:
            if self.cancel_on_interrupt and job.get("state") not in ("SUCCEEDED", "FAILED", "CANCELLED"):
                self._cancel()
            raise

    def _cancel(self):
        try:
            self.client.cancel(self.job_id)
        except FlowpackError as e:
            if e.status != 409:  # 409: the job ended meanwhile
                raise


def _progress_bar(total):
    try:
        import comfy.utils
    except ImportError:
        return None
    return comfy.utils.ProgressBar(total)


def _check_interrupted():
    try:
        import comfy.model_management
    except ImportError:
        return
    comfy.model_management.throw_exception_if_processing_interrupted()
