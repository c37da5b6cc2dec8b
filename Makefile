# metamortem: see README.md. Every target works on a fresh clone with Go and a C compiler
# (cgo is required by the DuckDB driver).

GO      ?= go
BIN     ?= bin/metamortem
# duckdb_arrow builds the DuckDB driver's Arrow interface, through which the store loads reviews
# column by column; without the tag it falls back to scanning rows (same reviews, slower).
TAGS    ?= duckdb_arrow
DEMO_OUT ?= report.html

.PHONY: all build test test-short demo bench lint clean

all: build

build:
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/metamortem

# The README's test command. The browser test of the HTML report runs when Chromium is installed
# (CI installs it and sets METAMORTEM_REQUIRE_BROWSER=1 so that it cannot silently skip).
test:
	$(GO) test -tags $(TAGS) -count=1 ./...

test-short:
	$(GO) test -tags $(TAGS) -short ./...

# Ingest the bundled fixtures into a fresh temporary database and write $(DEMO_OUT).
demo: build
	@tmp=$$(mktemp -d) && \
	./$(BIN) --db $$tmp/demo.duckdb ingest fixtures/ && \
	./$(BIN) --db $$tmp/demo.duckdb report --out $(DEMO_OUT) && \
	rm -rf $$tmp && \
	echo "wrote $(DEMO_OUT)"

# Micro-benchmarks, then the scale benchmark of the real binary at 1,000 / 10,000 / 100,000
# reviews, written to BENCHMARKS.md (takes several minutes; SIZES=1000 for a quick look).
SIZES ?= 1000,10000,100000
bench: build
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...
	$(GO) run ./cmd/benchscale -bin $(BIN) -sizes $(SIZES) -out BENCHMARKS.md

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet -tags $(TAGS) ./...
	$(GO) vet ./...

clean:
	rm -rf bin $(DEMO_OUT)
