-- wrk script: every request is the messages example's matching call.
wrk.method = "POST"
wrk.body = '{"user":"larry"}'
wrk.headers["Content-Type"] = "application/json"
