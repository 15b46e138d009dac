"""The pack as ComfyUI loads it: a package in custom_nodes exporting classic (V1) node classes."""

import importlib.util
import os
import re
import sys
import unittest

PACK_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_like_comfyui():
    """ComfyUI's load_custom_node (nodes.py): the folder's __init__.py as a module named after the folder's path
    with '.' replaced by '_x_' (older ComfyUI versions used the folder name)."""
    name = PACK_DIR.replace(".", "_x_")
    spec = importlib.util.spec_from_file_location(name, os.path.join(PACK_DIR, "__init__.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class PackLayoutTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.pack = load_like_comfyui()

    def test_exports_both_nodes_with_display_names(self):
        self.assertEqual(set(self.pack.NODE_CLASS_MAPPINGS), {"FlowpackSend", "FlowpackLoad"})
        self.assertEqual(self.pack.NODE_DISPLAY_NAME_MAPPINGS,
                         {"FlowpackSend": "Send to flowpack", "FlowpackLoad": "Load from flowpack"})

    def test_every_node_follows_the_classic_conventions(self):
        for name, node in self.pack.NODE_CLASS_MAPPINGS.items():
            with self.subTest(node=name):
                self.assertIsInstance(node.__dict__["INPUT_TYPES"], classmethod)
                inputs = node.INPUT_TYPES()
                self.assertIn("required", inputs)
                for section in inputs.values():
                    for spec in section.values():
                        self.assertIsInstance(spec, tuple)
                        self.assertIsInstance(spec[0], str)
                self.assertEqual(len(node.RETURN_TYPES), len(node.RETURN_NAMES))
                self.assertTrue(callable(getattr(node(), node.FUNCTION)))
                self.assertEqual(node.CATEGORY, "flowpack")

    def test_send_takes_image_and_optional_mask_and_returns_job_id_image_and_mask(self):
        send = self.pack.NODE_CLASS_MAPPINGS["FlowpackSend"]
        inputs = send.INPUT_TYPES()
        self.assertEqual(inputs["required"]["images"], ("IMAGE",))
        self.assertEqual(inputs["optional"]["mask"], ("MASK",))
        self.assertEqual(inputs["required"]["wait"][0], "BOOLEAN")
        self.assertEqual(send.RETURN_TYPES, ("STRING", "IMAGE", "MASK"))
        self.assertTrue(send.OUTPUT_NODE)
        self.assertNotEqual(send.IS_CHANGED(), send.IS_CHANGED())  # NaN: a new job every run

    def test_load_returns_image_and_mask(self):
        load = self.pack.NODE_CLASS_MAPPINGS["FlowpackLoad"]
        self.assertEqual(load.RETURN_TYPES, ("IMAGE", "MASK"))
        self.assertIn("reference", load.INPUT_TYPES()["required"])

    def test_pyproject_has_the_registry_section(self):
        with open(os.path.join(PACK_DIR, "pyproject.toml"), "rb") as f:
            text = f.read().decode("utf-8")
        try:
            import tomllib
        except ImportError:  # Python < 3.11
            self.assertRegex(text, r'(?m)^\[tool\.comfy\]\s*$')
            self.assertRegex(text, r'(?m)^PublisherId\s*=\s*"[a-z0-9-]+"')
            return
        project = tomllib.loads(text)
        self.assertEqual(project["tool"]["comfy"]["DisplayName"], "flowpack")
        self.assertRegex(project["tool"]["comfy"]["PublisherId"], r"^[a-z0-9-]+$")
        self.assertRegex(project["project"]["name"], r"^[a-z0-9-]+$")
        self.assertTrue(os.path.isfile(os.path.join(PACK_DIR, project["project"]["license"]["file"])))
        self.assertTrue(re.match(r"^\d+\.\d+\.\d+$", project["project"]["version"]))


if __name__ == "__main__":
    unittest.main()
