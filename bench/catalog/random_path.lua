-- wrk script: each request GETs a path picked at random from the file named by $PATHS_FILE
-- (one path a line, e.g. /api/v1/instruments/123). Used by bench/catalog and bench/search.
local paths = {}

local file = assert(io.open(assert(os.getenv("PATHS_FILE"), "PATHS_FILE not set"), "r"))
for line in file:lines() do
  if #line > 0 then paths[#paths + 1] = line end
end
file:close()
assert(#paths > 0, "PATHS_FILE is empty")

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
