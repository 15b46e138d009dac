"""flowpack nodes for ComfyUI: send IMAGE/MASK batches to a flowpack job template, load job results back."""

from .client import FlowpackClient, FlowpackError
from .nodes import LoadFromFlowpack, SendToFlowpack

NODE_CLASS_MAPPINGS = {
    "FlowpackSend": SendToFlowpack,
    "FlowpackLoad": LoadFromFlowpack,
}

NODE_DISPLAY_NAME_MAPPINGS = {
    "FlowpackSend": "Send to flowpack",
    "FlowpackLoad": "Load from flowpack",
}

__all__ = ["NODE_CLASS_MAPPINGS", "NODE_DISPLAY_NAME_MAPPINGS", "FlowpackClient", "FlowpackError",
           "SendToFlowpack", "LoadFromFlowpack"]
