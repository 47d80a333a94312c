-- wrk script: the first page (50 rows by nearest deadline) of one unit's queue.
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("FRIST_TOKEN")
