# Quorum: everyday targets. `make test` is what CI runs; `make fuzz` runs
# every fuzzer for FUZZTIME each; `make bench` runs the benchmarks.

FUZZTIME ?= 60s
BENCHTIME ?= 3000x

.PHONY: test fuzz bench

test:
	go vet ./...
	go test -race ./...

fuzz:
	@set -e; for f in $$(grep -rl --include="*_test.go" "^func Fuzz" .); do \
		pkg=./$$(dirname $$f); \
		for fz in $$(grep -o "^func Fuzz[A-Za-z0-9_]*" $$f | sed "s/^func //"); do \
			echo "== $$pkg $$fz ($(FUZZTIME))"; \
			go test $$pkg -run "^$$" -fuzz "^$$fz$$" -fuzztime $(FUZZTIME); \
		done; \
	done

bench:
	go test ./bot -run "^$$" -bench "Apologies$$" -benchtime $(BENCHTIME)
	go test ./bot -run "^$$" -bench "ApologiesParallel" -benchtime $(BENCHTIME) -cpu 8
