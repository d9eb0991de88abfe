"""The messages example (examples/messages/bb.yaml) as a small Flask app.

bb verify's tests run it as: python3 messages_app.py PORT
"""
import sys

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/api/get_messages")
def get_messages():
    body = request.get_json(silent=True) or {}
    if body.get("user") == "larry":
        return jsonify(messages=["test1", "test2"])
    return jsonify(error="no user found"), 404


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]))
