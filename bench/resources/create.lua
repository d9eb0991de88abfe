-- wrk script: every request creates one message.
wrk.method = "POST"
wrk.body = '{"user":"larry","text":"hello","sent_at":"2026-12-01T09:00:00Z","read":false}'
wrk.headers["Content-Type"] = "application/json"
