-- wrk script: the inquiry page of a random inquiry among the first FRIST_N, signed in.
local n = tonumber(os.getenv("FRIST_N"))
wrk.headers["Cookie"] = os.getenv("FRIST_COOKIE")
request = function()
  return wrk.format("GET", "/sager/" .. math.random(1, n))
end
