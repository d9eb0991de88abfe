"""The messages app after it drifted from its spec, for bb verify's tests.

Two changes the iOS app would trip over: the messages come back as one
comma-separated string, and an unknown user gets 200 with a body that lacks
the messages key instead of the 404 the spec promises.

bb verify's tests run it as: python3 messages_drifted.py PORT
"""
import sys

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/api/get_messages")
def get_messages():
    body = request.get_json(silent=True) or {}
    if body.get("user") == "larry":
        return jsonify(messages="test1,test2")
    return jsonify(error="no user found")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]))
