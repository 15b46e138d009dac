"""ComfyUI's progress bar and interrupt flag, when the pack runs inside ComfyUI (no-ops elsewhere)."""


class JobProgress:
    """Shows a job's progress on the node and stops waiting (cancelling the job) when the user interrupts."""

    def __init__(self, client, job_id):
        self.client = client
        self.job_id = job_id
        self.bar = _progress_bar(100)

    def __call__(self, job):
        if self.bar is not None:
            steps = job.get("steps") or []
            done = sum(s.get("progress") or 0.0 for s in steps) / len(steps) if steps else 0.0
            self.bar.update_absolute(int(round(done * 100)), 100)
        try:
            _check_interrupted()
        except BaseException:
            if job.get("state") not in ("SUCCEEDED", "FAILED", "CANCELLED"):
                self.client.cancel(self.job_id)
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
