-- wrk script: each request GETs a path picked at random from the file named by $PATHS_FILE
-- (one path a line, e.g. /api/v1/instruments/123). Used by bench/catalog and bench/search.
-- Every path is equally likely, or with POPULARITY=zipf the k-th line is picked with a
-- probability falling as 1/k (Zipf, exponent 1: how often pages of a catalog are read).
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

local zipf = os.getenv("POPULARITY") == "zipf"
local log_n1 = math.log(#paths + 1)

-- Inverse of the continuous Zipf(1) distribution: P(rank <= k) = ln(k + 1) / ln(n + 1).
local function zipf_rank()
  local k = math.floor(math.exp(math.random() * log_n1))
  if k < 1 then return 1 end
  if k > #paths then return #paths end
  return k
end

function request()
  local k = zipf and zipf_rank() or math.random(#paths)
  return wrk.format("GET", paths[k])
end
