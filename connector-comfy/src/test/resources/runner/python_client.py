"""A minimal ComfyUI API client in the style of ComfyUI's script examples (our own code): Debian's websocket-client
for /ws, urllib for HTTP (which declares form-encoded bodies). Queues the prompt read from stdin, waits for
`executing {node: null}`, then prints the history entry's outputs as JSON.

Usage: /usr/bin/python3 python_client.py <host:port>
"""
import json
import sys
import urllib.request
import uuid

import websocket

server = sys.argv[1]
client_id = str(uuid.uuid4())
prompt = json.load(sys.stdin)

ws = websocket.WebSocket()
ws.connect("ws://{}/ws?clientId={}".format(server, client_id))  # websocket-client sends an Origin header
data = json.dumps({"prompt": prompt, "client_id": client_id}).encode("utf-8")
answer = json.loads(urllib.request.urlopen(urllib.request.Request("http://{}/prompt".format(server), data=data)).read())
prompt_id = answer["prompt_id"]
binary_frames = 0
while True:
    message = ws.recv()
    if isinstance(message, str):
        event = json.loads(message)
        if event["type"] == "executing" and event["data"]["node"] is None and event["data"]["prompt_id"] == prompt_id:
            break
    else:
        binary_frames += 1
ws.close()
with urllib.request.urlopen("http://{}/history/{}".format(server, prompt_id)) as response:
    history = json.loads(response.read())[prompt_id]
print(json.dumps({"outputs": history["outputs"], "status": history["status"]["status_str"], "frames": binary_frames}))
