"""ComfyUI custom-node pack for flowpack (copy or symlink this folder into ComfyUI/custom_nodes)."""

from .flowpack_nodes import NODE_CLASS_MAPPINGS, NODE_DISPLAY_NAME_MAPPINGS

__all__ = ["NODE_CLASS_MAPPINGS", "NODE_DISPLAY_NAME_MAPPINGS"]
