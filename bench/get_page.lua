-- wrk script: a staff page, signed in (the session and CSRF cookies from bench/pages.sh).
wrk.method = "GET"
wrk.headers["Cookie"] = os.getenv("FRIST_COOKIE")
