-- wrk script: POST a new inquiry (no external id, so every request creates one).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("FRIST_TOKEN")
wrk.body = [[{"channel":"email","to":"general","kind":"general_question","unit":"byggeri",
"received_at":"2026-11-16T10:00:00+01:00","subject":"Spørgsmål om carport",
"body":"Skal jeg søge om byggetilladelse til en carport på 30 m2?",
"sender":{"name":"Karen Jensen","email":"karen@example.dk"}}]]
