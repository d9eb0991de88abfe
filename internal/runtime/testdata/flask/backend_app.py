"""A real backend for bb serve --proxy --record: JSON, a cookie, a secret header,
an image and a server error. Run: python3 backend_app.py PORT"""
import sys

from flask import Flask, jsonify, request, make_response

app = Flask(__name__)


@app.get("/")
def root():
    return jsonify(ok=True)


@app.get("/api/users/42")
def user():
    resp = jsonify(id=42, name="Ann", tags=["a", "b"], page=request.args.get("page"))
    resp.headers["X-Total-Count"] = "1"
    resp.headers["Set-Cookie"] = "session=s3cret; HttpOnly"
    return resp


@app.post("/api/login")
def login():
    body = request.get_json()
    resp = make_response(jsonify(token="t0ken-for-" + body["user"]), 201)
    resp.headers["Authorization"] = "Bearer leaked"
    return resp


@app.get("/api/report.csv")
def report():
    return app.response_class("a,b\n1,2\n", mimetype="text/csv")


@app.get("/api/broken")
def broken():
    return jsonify(error="boom"), 500


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]))
