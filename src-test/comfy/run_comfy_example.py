"""Runs one of ComfyUI's own script_examples against a ComfyUI-compatible server, unchanged except for its embedded
prompt: the `prompt_text = \"\"\"...\"\"\"` literal is replaced by a workflow of nodes flowpack's graph runner
offers, then the script's source is executed as is. The script itself is not part of flowpack (ComfyUI is GPL):
pass its path, e.g. a checkout's `script_examples/websockets_api_example.py`.

Usage: /usr/bin/python3 run_comfy_example.py <script.py> <input-image-name>
(tested with websockets_api_example.py and websockets_api_example_ws_images.py)
Needs Debian's python3-websocket. Prints the output images the script collected.
"""
import io
import json
import re
import sys

script_path, image_name = sys.argv[1], sys.argv[2]
source = open(script_path, encoding="utf-8").read()

# Keeps the node ids the script edits afterwards: "6" gets a "text" input and "3" a "seed" input; the runner ignores
# literal inputs a node does not declare, as ComfyUI does.
# The output node keeps the id and class the script expects: SaveImageWebsocket under "save_image_websocket_node"
# (websockets_api_example_ws_images.py), else SaveImage under "9".
workflow = {
    "6": {"class_type": "LoadImage", "inputs": {"image": image_name}},
    "3": {"class_type": "ImageScaleBy", "inputs": {"image": ["6", 0], "upscale_method": "bilinear", "scale_by": 2.0}},
}
if "save_image_websocket_node" in source:
    workflow["save_image_websocket_node"] = {"class_type": "SaveImageWebsocket", "inputs": {"images": ["3", 0]}}
else:
    workflow["9"] = {"class_type": "SaveImage", "inputs": {"images": ["3", 0], "filename_prefix": "ws_example"}}
pattern = re.compile(r'prompt_text = """.*?"""', re.S)
if not pattern.search(source):
    sys.exit("no prompt_text literal in " + script_path)
source = pattern.sub(lambda m: 'prompt_text = """' + json.dumps(workflow, indent=4) + '"""', source, count=1)

scope = {"__name__": "__main__"}
exec(compile(source, script_path, "exec"), scope)

images = scope.get("images", {})
summary = {node: [len(data) for data in datas] for node, datas in images.items()}
print("output images by node (bytes):", json.dumps(summary))
try:
    from PIL import Image
    for node, datas in images.items():
        for data in datas:
            print("node", node, "image", Image.open(io.BytesIO(data)).size)
except ImportError:
    pass
if not images or not all(images.values()):
    sys.exit("the script collected no images")
