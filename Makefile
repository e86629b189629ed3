# endorse: configure-free GNU Makefile.
#
#   make              build ./endorse
#   make demo         install missing Debian packages, build, run the examples
#   make test         install missing Debian packages, build, run every test
#   make install      PREFIX=/usr/local DESTDIR= (binary, data files, man page)
#   make uninstall    removes exactly the files 'make install' installed
#
# User variables (CC, CPPFLAGS, CFLAGS, LDFLAGS, LDLIBS, PREFIX, ...) may be
# set on the command line or in the environment (Debian's hardening flags
# come through CPPFLAGS, CFLAGS and LDFLAGS); the project's warnings live in
# their own variable so that a user's CFLAGS cannot drop them.  DEVELOPER=1
# (and CI) turns warnings into errors; SANITIZE=address,undefined builds
# with the sanitizers.

VERSION		= 0.1.0

PREFIX		?= /usr/local
BINDIR		?= $(PREFIX)/bin
DATAROOTDIR	?= $(PREFIX)/share
DATADIR		?= $(DATAROOTDIR)/endorse
MANDIR		?= $(DATAROOTDIR)/man
DESTDIR		?=

CC		?= cc
CFLAGS		?= -O2 -g
CPPFLAGS	?=
LDFLAGS		?=
LDLIBS		?=
PKG_CONFIG	?= pkg-config
INSTALL		?= install

PKGS		= libxml-2.0 libxslt libexslt glib-2.0 pangocairo pangoft2 cairo-pdf \
		  fontconfig fribidi libqpdf
TEST_PKGS	= cmocka

# Debian packages behind the pkg-config names and the test tools.
DEB_PKGS	= pkg-config libxml2-dev libxslt1-dev libpango1.0-dev \
		  libcairo2-dev libfontconfig-dev libcmocka-dev \
		  libcsv-dev libqpdf-dev poppler-utils qpdf strace mandoc
DEB_TOOLS	= pdftotext pdfinfo pdffonts qpdf strace mandoc
# Libraries without a pkg-config file: their headers tell they are there.
DEB_HEADERS	= /usr/include/csv.h

WARNINGS	= -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 \
		  -Wstrict-prototypes -Wmissing-prototypes -Wpointer-arith \
		  -Wwrite-strings -Wundef -Wvla \
		  -Wdeclaration-after-statement -Wimplicit-fallthrough
ifneq ($(DEVELOPER)$(CI),)
WARNINGS	+= -Werror
endif
ifneq ($(SANITIZE),)
SAN_FLAGS	= -fsanitize=$(SANITIZE) -fno-omit-frame-pointer \
		  -fno-sanitize-recover=all
endif

# Recursively expanded on purpose: evaluated when a recipe runs, after
# 'deps' has installed what pkg-config looks for.
PKG_CFLAGS	= $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS	= $(shell $(PKG_CONFIG) --libs $(PKGS))
TEST_CFLAGS	= $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS))
TEST_LIBS	= $(shell $(PKG_CONFIG) --libs $(TEST_PKGS))
# libcsv (spreadsheet import/export) has no pkg-config file.
PKG_LIBS	+= -lcsv

ALL_CFLAGS	= $(WARNINGS) $(SAN_FLAGS) -D_GNU_SOURCE \
		  -DVERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"' \
		  $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS) -MMD -MP
ALL_LDFLAGS	= $(SAN_FLAGS) $(LDFLAGS)

SRCS		= $(wildcard src/*.c)
LIB_OBJS	= $(patsubst src/%.c,build/%.o,$(filter-out src/main.c,$(SRCS)))
TESTS		= $(patsubst tests/%.c,build/tests/%,$(wildcard tests/test_*.c))

# A fixed environment for every test: in-tree resources, no wall clock.
TEST_ENV	= LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1735689600 \
		  ENDORSE_DATADIR=$(CURDIR) ENDORSE_BIN=$(CURDIR)/endorse \
		  ENDORSE_RULES_PATH= NO_COLOR=1 \
		  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0

EXAMPLES	= $(sort $(wildcard examples/*.xml))

.PHONY: FORCE all deps demo demo-run test check install uninstall clean \
	regress-update bench bench-floor bench-profile docs valgrind lint-man \
	check-sanitize check-valgrind

all: endorse

endorse: build/main.o build/libendorse.a
	$(CC) $(ALL_LDFLAGS) -o $@ build/main.o build/libendorse.a $(PKG_LIBS) \
	    $(LDLIBS)

build/libendorse.a: $(LIB_OBJS)
	$(AR) rcs $@ $(LIB_OBJS)

build/%.o: src/%.c build/flags.stamp | build
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/tests/%: tests/%.c tests/harness.h build/libendorse.a \
    build/flags.stamp | build/tests
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -Isrc -o $@ $< \
	    build/libendorse.a $(ALL_LDFLAGS) $(PKG_LIBS) $(TEST_LIBS) $(LDLIBS)

build build/tests build/bench:
	mkdir -p $@

# Rebuild everything when the compiler, the flags or the compiled-in data
# directory change (SANITIZE=..., DEVELOPER=1, PREFIX=...).
BUILD_FLAGS	= $(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) $(LDLIBS)
build/flags.stamp: FORCE | build
	@echo '$(BUILD_FLAGS)' | cmp -s - $@ 2>/dev/null || \
	    echo '$(BUILD_FLAGS)' > $@
FORCE:

# Install the Debian packages only when something is missing: a no-op on a
# machine where pkg-config finds every library and the test tools exist.
deps:
	@if $(PKG_CONFIG) --exists $(PKGS) $(TEST_PKGS) 2>/dev/null && \
	    for t in $(DEB_TOOLS); do command -v $$t >/dev/null || exit 1; \
	    done && for h in $(DEB_HEADERS); do [ -f $$h ] || exit 1; \
	    done; then \
		echo "deps: everything is installed"; \
	else \
		echo "deps: installing $(DEB_PKGS)"; \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y \
		    -qq --no-install-recommends $(DEB_PKGS); \
	fi

demo: deps
	@$(MAKE) --no-print-directory demo-run

# The examples' outcomes are written for this evaluation date.
DEMO_AS_OF	= 2025-06-30

# check and batch exit 1 (not ready) or 2 (needs review) for some examples:
# that is their verdict, not a failure; anything above 2 is.  The batch
# writes, per example, out/NAME.checklist.xml, NAME.packet.pdf and
# NAME.review.pdf, then out/roster.csv, out/roster.pdf and every review in
# one file after an index (out/review-all.pdf); a second 'make demo'
# redoes only what changed (out/manifest.txt).
demo-run: endorse
	@mkdir -p out
	./endorse validate $(EXAMPLES)
	./endorse check --as-of $(DEMO_AS_OF) $(EXAMPLES); [ $$? -le 2 ]
	./endorse batch --combined --as-of $(DEMO_AS_OF) -o out examples; [ $$? -le 2 ]
	@echo "demo: checklists, packets, reviews, the roster and review-all.pdf are in out/"

# The pictures in the README, made from the real output of the demo: the
# packet's cover, the first page of reviewer 1's copy, the consensus page
# (the review's last page).
DOC_EXAMPLE	= examples/ok-clinical-ready.xml
docs/packet.png docs/review.png docs/consensus.png: endorse $(DOC_EXAMPLE) \
    stylesheets/packet.xsl stylesheets/review.xsl stylesheets/common.xsl
	@mkdir -p out
	./endorse packet --as-of $(DEMO_AS_OF) -o out/docs-packet.pdf $(DOC_EXAMPLE)
	./endorse review --as-of $(DEMO_AS_OF) -o out/docs-review.pdf $(DOC_EXAMPLE)
	pdftoppm -png -r 60 -f 1 -l 1 -singlefile out/docs-packet.pdf docs/packet
	pdftoppm -png -r 60 -f 1 -l 1 -singlefile out/docs-review.pdf docs/review
	n=$$(pdfinfo out/docs-review.pdf | sed -n 's/^Pages: *//p'); \
	    pdftoppm -png -r 60 -f $$n -l $$n -singlefile out/docs-review.pdf \
	    docs/consensus

docs: docs/packet.png docs/review.png docs/consensus.png

test: deps
	@$(MAKE) --no-print-directory check
	@if [ -z "$(SANITIZE)" ]; then \
		$(MAKE) --no-print-directory check-sanitize && \
		$(MAKE) --no-print-directory check-valgrind; \
	else echo "test: built with SANITIZE=$(SANITIZE): no second" \
	    "sanitizer pass, no valgrind"; fi

check: endorse $(TESTS) lint-man
	@$(TEST_ENV) sh tests/run.sh $(TESTS) $(FUZZ_REPLAYS)

# The man page must lint clean: any message from mandoc fails the tests.
lint-man:
	@out=$$(mandoc -Tlint man/endorse.1 2>&1); \
	if [ -n "$$out" ]; then printf '%s\n' "$$out"; exit 1; fi; \
	echo "lint-man: man/endorse.1 lints clean"

# Regenerate the golden diagnostics after a deliberate change; review the
# result with 'git diff tests/'.
regress-update: endorse $(TESTS)
	$(TEST_ENV) ENDORSE_REGRESS_UPDATE=1 sh tests/run.sh $(TESTS)

# Speed is measured here, never in tests.  BENCH_ROUNDS passes over the
# examples with everything loaded once, as a batch worker would.
BENCH_ROUNDS	= 50
# Batch sizes bench/bench_batch.sh runs, each with -j 1 and -j 2.
BENCH_BATCH	= 20 200
build/bench/%: bench/%.c build/libendorse.a build/flags.stamp | build/bench
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< build/libendorse.a \
	    $(ALL_LDFLAGS) $(PKG_LIBS) $(LDLIBS)

# One table of every stage, the whole process against the floor,
# scaling and batches (bench/bench.sh); also written to bench/results.md.
# Scaling: each example grown to 1, 10 and 40 times its entries (within
# the schema's caps); linear growth shows as ratios near the factors.
BENCH_SCALE	= 1,10,40
bench: build/bench/bench_check build/bench/stages build/bench/floor \
    build/bench/runs build/bench/layout_text endorse
	@$(TEST_ENV) sh bench/bench.sh build/bench $(FLOOR_RUNS) \
	    $(BENCH_ROUNDS) $(BENCH_SCALE) "$(BENCH_BATCH)" \
	    $(EXAMPLES) | tee bench/results.md.new
	@mv bench/results.md.new bench/results.md

# The floor: Pango + Cairo alone on the same text (bench/floor.c), linked
# with nothing else, against whole endorse runs (bench/floor.sh).
FLOOR_PKGS	= pangocairo pangoft2 cairo-pdf fontconfig
FLOOR_RUNS	= 11
build/bench/floor: bench/floor.c build/flags.stamp | build/bench
	$(CC) $(ALL_CFLAGS) -o $@ bench/floor.c $(ALL_LDFLAGS) \
	    $(shell $(PKG_CONFIG) --libs $(FLOOR_PKGS))
build/bench/runs: bench/runs.c build/flags.stamp | build/bench
	$(CC) $(ALL_CFLAGS) -o $@ bench/runs.c $(ALL_LDFLAGS)
build/bench/layout_text: bench/layout_text.c build/flags.stamp | build/bench
	$(CC) $(ALL_CFLAGS) -o $@ bench/layout_text.c $(ALL_LDFLAGS) \
	    $(PKG_LIBS)

bench-floor: endorse build/bench/floor build/bench/runs \
    build/bench/layout_text
	@$(TEST_ENV) sh bench/floor.sh build/bench $(FLOOR_RUNS) $(EXAMPLES)

# Instructions of one cold packet and review (valgrind --tool=callgrind)
# and each stage's share: what a change is judged by (bench/profile.sh).
PROFILE_EXAMPLES = examples/ok-clinical-ready.xml
bench-profile: endorse
	@$(TEST_ENV) sh bench/profile.sh $(PROFILE_EXAMPLES)

# libFuzzer harnesses (fuzz/), built with clang and the fuzzer's coverage
# over the whole library, for instance
#   make CC=clang SANITIZE=fuzzer-no-link,address,undefined fuzz-import
# Crashes go to out/; each becomes a test.
FUZZ_SECONDS	= 60
.PHONY: fuzz-import
build/fuzz:
	mkdir -p $@
build/fuzz/%: fuzz/%.c build/libendorse.a build/flags.stamp | build/fuzz
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Isrc -o $@ $< \
	    build/libendorse.a $(ALL_LDFLAGS) $(PKG_LIBS)

fuzz-import: build/fuzz/fuzz_import
	@mkdir -p out/fuzz-import
	$(TEST_ENV) build/fuzz/fuzz_import -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=out/ out/fuzz-import examples/csv

# The real binary under valgrind on every stage; leaks inside fontconfig's
# own caches are suppressed (tests/valgrind.supp says why).
# ENDORSE_FREE_AT_EXIT=1: free everything at exit (the man page).
VALGRIND	= ENDORSE_FREE_AT_EXIT=1 valgrind -q --leak-check=full \
		  --errors-for-leak-kinds=definite --error-exitcode=99 --suppressions=tests/valgrind.supp
valgrind: endorse
	@mkdir -p out
	$(TEST_ENV) $(VALGRIND) ./endorse validate -q $(EXAMPLES)
	$(TEST_ENV) $(VALGRIND) ./endorse check -q --as-of $(DEMO_AS_OF) \
	    $(EXAMPLES); [ $$? -le 2 ]
	$(TEST_ENV) $(VALGRIND) ./endorse packet --as-of $(DEMO_AS_OF) \
	    -o out/valgrind.pdf examples/wi-clinical-not-ready.xml
	$(TEST_ENV) $(VALGRIND) ./endorse review --as-of $(DEMO_AS_OF) \
	    -o out/valgrind.pdf $(EXAMPLES)
	$(TEST_ENV) $(VALGRIND) ./endorse new --association OK-AIMH \
	    --track clinical -o out/valgrind-new.xml
	$(TEST_ENV) $(VALGRIND) ./endorse export -o out/valgrind-csv \
	    examples/ok-clinical-ready.xml
	$(TEST_ENV) $(VALGRIND) ./endorse import --into out/valgrind-new.xml \
	    -o out/valgrind-import.xml out/valgrind-csv/*.csv
	@echo "valgrind: no errors, no leaks of ours"

# Exactly the files 'install' copies, each with its path under the data
# directory: 'uninstall' removes these and nothing else.
DATA_FILES	= $(wildcard schemas/*.xsd) $(wildcard schemas/requirements/*.xml) \
		  $(wildcard stylesheets/*.xsl) $(wildcard fonts/*.ttf) \
		  $(wildcard fonts/LICENSE-*) $(wildcard fonts/README)
DATA_DIRS	= schemas/requirements schemas stylesheets fonts
DOC_FILES	= LICENSE README.md
DOCDIR		?= $(DATAROOTDIR)/doc/endorse

install: endorse
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(DOCDIR) \
	    $(addprefix $(DESTDIR)$(DATADIR)/,$(DATA_DIRS))
	$(INSTALL) -m 755 endorse $(DESTDIR)$(BINDIR)/endorse
	for f in $(DATA_FILES); do \
		$(INSTALL) -m 644 $$f $(DESTDIR)$(DATADIR)/$$f || exit 1; \
	done
	$(INSTALL) -m 644 man/endorse.1 $(DESTDIR)$(MANDIR)/man1/endorse.1
	$(INSTALL) -m 644 $(DOC_FILES) $(DESTDIR)$(DOCDIR)/

# Remove the installed files one by one, then the directories only when
# they are empty (rmdir): never 'rm -rf' of a directory a variable names.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/endorse $(DESTDIR)$(MANDIR)/man1/endorse.1
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/,$(DATA_FILES))
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/,$(DOC_FILES))
	for d in $(DATA_DIRS); do \
		rmdir $(DESTDIR)$(DATADIR)/$$d 2>/dev/null || :; \
	done
	rmdir $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR) 2>/dev/null || :

clean:
	rm -rf build endorse out build-asan build-fuzz

-include $(wildcard build/*.d build/tests/*.d build/bench/*.d)

# ---- Fuzzing (issue 13): libFuzzer harnesses under fuzz/, built with clang
# and the sanitizers in their own directory, build-fuzz/.  'make fuzz' runs
# each harness FUZZ_SECONDS on a working corpus seeded from fuzz/corpus/,
# the examples and the tests; findings land in build-fuzz/findings/.  The
# committed corpus and findings are replayed by 'make test' without
# libFuzzer (fuzz/replay.c).
FUZZ_CC		?= clang
FUZZ_JOBS_NICE	?= nice -n 10
FUZZ_SAN	= -fsanitize=address,undefined -fno-sanitize-recover=all \
		  -fno-omit-frame-pointer
FUZZ_CFLAGS	= -g -O1 $(FUZZ_SAN) -D_GNU_SOURCE -DVERSION='"$(VERSION)"' \
		  -DDATADIR='"$(DATADIR)"' -DFUZZ_SRCDIR='"$(CURDIR)"' \
		  -DFUZZ_LIBFUZZER $(PKG_CFLAGS) -Isrc -MMD -MP
# fuzz_import.c has its own target above (fuzz-import).
FUZZERS		= load evaluate textclean pipeline typeset
FUZZ_LIB_OBJS	= $(patsubst src/%.c,build-fuzz/%.o,$(filter-out src/main.c,$(SRCS)))
FUZZ_REPLAYS	= $(patsubst %,build/tests/replay_%,$(FUZZERS))

.PHONY: fuzz fuzz-build
.SECONDARY: $(FUZZ_LIB_OBJS)
build-fuzz:
	mkdir -p $@
build-fuzz/%.o: src/%.c | build-fuzz
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
build-fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.h fuzz/fuzz_mutate.h \
    $(FUZZ_LIB_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< \
	    $(FUZZ_LIB_OBJS) $(PKG_LIBS)
fuzz-build: deps
	@$(MAKE) --no-print-directory $(patsubst %,build-fuzz/fuzz_%,$(FUZZERS))
fuzz: fuzz-build
	@for f in $(FUZZERS); do \
		mkdir -p build-fuzz/corpus-$$f build-fuzz/findings-$$f; \
		cp fuzz/corpus/$$f/* examples/*.xml tests/validate/*.xml \
		    tests/layout/*.xml build-fuzz/corpus-$$f/ 2>/dev/null; \
		dict=fuzz/portfolio.dict; \
		[ ! -f fuzz/$$f.dict ] || dict=fuzz/$$f.dict; \
		echo "fuzz: $$f for $(FUZZ_SECONDS) s"; \
		$(TEST_ENV) $(FUZZ_JOBS_NICE) build-fuzz/fuzz_$$f \
		    -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
		    -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
		    -dict=$$dict \
		    -artifact_prefix=build-fuzz/findings-$$f/ \
		    build-fuzz/corpus-$$f || exit 1; \
	done

# The replay drivers: a harness and fuzz/replay.c, the normal compiler,
# run by 'make check' with the unit tests.
check: $(FUZZ_REPLAYS)
build/tests/replay_%: fuzz/replay.c fuzz/fuzz_%.c fuzz/fuzz_common.h \
    fuzz/fuzz_mutate.h \
    tests/harness.h build/libendorse.a build/flags.stamp | build/tests
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -Isrc -DFUZZ_NAME='"$*"' \
	    -DFUZZ_SRCDIR='"$(CURDIR)"' -o $@ fuzz/replay.c fuzz/fuzz_$*.c \
	    build/libendorse.a $(ALL_LDFLAGS) $(PKG_LIBS) $(TEST_LIBS)

# ---- Sanitizers and valgrind in 'make test' (issue 13).  The whole suite
# again, built with AddressSanitizer and UBSan in build-asan/ (build/ is
# left as it is), then the real binary once under valgrind on every stage
# and on the hostile corpus.  The suppressions are for Pango's and
# fontconfig's own process-long caches (tests/lsan.supp and
# tests/valgrind.supp say which); everything of endorse's is checked.
ASAN_DIR	= build-asan
ASAN_FLAGS	= -fsanitize=address,undefined -fno-omit-frame-pointer \
		  -fno-sanitize-recover=all
# Warnings are errors in build/ (CI, DEVELOPER=1); here they stay warnings:
# GCC 12 misfires under the sanitizers' instrumentation
# (-Wformat-truncation at xsltrun.c:97, -Wstringop-overread in test_sheet.c).
ASAN_CFLAGS	= $(filter-out -Werror,$(WARNINGS)) $(ASAN_FLAGS) \
		  -D_GNU_SOURCE -DVERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"' \
		  $(PKG_CFLAGS) -O1 -g -MMD -MP
ASAN_LIB_OBJS	= $(patsubst src/%.c,$(ASAN_DIR)/%.o,$(filter-out src/main.c,$(SRCS)))
# test_caps renders every applicant.xsd cap (3 s a PDF in build/): under
# ASan it passes the harness's 10 s limit per run, so it runs in build/ only.
ASAN_TESTS	= $(patsubst tests/%.c,$(ASAN_DIR)/tests/%,$(filter-out \
		    tests/test_caps.c,$(wildcard tests/test_*.c))) \
		  $(patsubst %,$(ASAN_DIR)/tests/replay_%,$(FUZZERS))
ASAN_ENV	= ENDORSE_BIN=$(CURDIR)/$(ASAN_DIR)/endorse \
		  ENDORSE_FREE_AT_EXIT=1 \
		  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99 \
		  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99

$(ASAN_DIR) $(ASAN_DIR)/tests:
	mkdir -p $@
$(ASAN_DIR)/%.o: src/%.c | $(ASAN_DIR)
	$(CC) $(ASAN_CFLAGS) -c -o $@ $<
$(ASAN_DIR)/libendorse.a: $(ASAN_LIB_OBJS)
	$(AR) rcs $@ $(ASAN_LIB_OBJS)
$(ASAN_DIR)/endorse: $(ASAN_DIR)/main.o $(ASAN_DIR)/libendorse.a
	$(CC) $(ASAN_FLAGS) -o $@ $(ASAN_DIR)/main.o $(ASAN_DIR)/libendorse.a \
	    $(PKG_LIBS)
$(ASAN_DIR)/tests/replay_%: fuzz/replay.c fuzz/fuzz_%.c fuzz/fuzz_common.h \
    fuzz/fuzz_mutate.h \
    tests/harness.h $(ASAN_DIR)/libendorse.a | $(ASAN_DIR)/tests
	$(CC) $(ASAN_CFLAGS) $(TEST_CFLAGS) -Isrc -DFUZZ_NAME='"$*"' \
	    -o $@ fuzz/replay.c fuzz/fuzz_$*.c $(ASAN_DIR)/libendorse.a \
	    $(ASAN_FLAGS) $(PKG_LIBS) $(TEST_LIBS)
$(ASAN_DIR)/tests/%: tests/%.c tests/harness.h $(ASAN_DIR)/libendorse.a \
    | $(ASAN_DIR)/tests
	$(CC) $(ASAN_CFLAGS) $(TEST_CFLAGS) -Isrc -o $@ $< \
	    $(ASAN_DIR)/libendorse.a $(ASAN_FLAGS) $(PKG_LIBS) $(TEST_LIBS)

check-sanitize: $(ASAN_DIR)/endorse $(ASAN_TESTS)
	@echo "check-sanitize: the suite under AddressSanitizer and UBSan"
	@$(TEST_ENV) $(ASAN_ENV) sh tests/run.sh $(ASAN_TESTS)

check-valgrind: endorse
	@echo "check-valgrind: every stage and the hostile corpus under valgrind"
	@$(MAKE) --no-print-directory valgrind
	@$(TEST_ENV) $(VALGRIND) ./endorse validate -q tests/hostile/*.xml \
	    2>/dev/null; [ $$? -eq 65 ] || { echo "valgrind: hostile" \
	    "corpus: errors (run it by hand to see them)"; exit 1; }
	@$(TEST_ENV) $(VALGRIND) ./endorse packet --as-of $(DEMO_AS_OF) \
	    -o out/valgrind.pdf tests/hostile/rtl-supervisor.xml
	@echo "check-valgrind: no errors, no definite leaks"

-include $(wildcard $(ASAN_DIR)/*.d $(ASAN_DIR)/tests/*.d build-fuzz/*.d)
