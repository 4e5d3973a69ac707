# Sanitizer builds (CMakePresets.json: asan-ubsan, tsan; run by scripts/run-sanitizers.sh).
#
# FOLK_SANITIZE instruments every target of ours; third-party libraries (LibTorch, Qt, OpenCV,
# FFTW) stay as Debian ships them, so only their own reports are suppressed
# (tests/sanitizers/*.supp). UBSan reports are fatal (-fno-sanitize-recover), so a test that hits
# undefined behaviour fails instead of printing a line nobody reads.
#
# FOLK_BUILD_FUZZERS adds the libFuzzer targets in fuzz/: clang only; folk_core is then compiled
# with coverage instrumentation (-fsanitize=fuzzer-no-link) so the fuzzers can steer through the
# parsers. It rides on the ASan + UBSan build, so one build serves both the suite and the fuzzers.
set(FOLK_SANITIZE "" CACHE STRING "Sanitizers for all of our targets: address,undefined | thread | empty for none")
option(FOLK_BUILD_FUZZERS "Build the libFuzzer targets in fuzz/ (clang, with FOLK_SANITIZE=address,undefined)" OFF)

if(FOLK_SANITIZE)
  message(STATUS "FOLK sanitizers: ${FOLK_SANITIZE}")
  # Frame pointers make the reports' stacks complete through optimised code (the presets build
  # with -O1 -g1: readable stacks, a suite still fast enough, assertions on).
  add_compile_options(-fsanitize=${FOLK_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${FOLK_SANITIZE})
  if(FOLK_SANITIZE MATCHES "undefined")
    # vptr checks need the RTTI of every class that crosses a library boundary; Qt's and LibTorch's
    # shared libraries export theirs inconsistently, which makes them report good downcasts.
    add_compile_options(-fno-sanitize=vptr)
  endif()
endif()

if(FOLK_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "FOLK_BUILD_FUZZERS needs clang (libFuzzer): use the asan-ubsan preset")
  endif()
  if(NOT FOLK_SANITIZE MATCHES "address")
    message(FATAL_ERROR "FOLK_BUILD_FUZZERS needs FOLK_SANITIZE=address,undefined (the asan-ubsan preset)")
  endif()
endif()
