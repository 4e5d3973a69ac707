# Writes a gzipped man page for one of the built programs with help2man (run at build time by
# packaging/CMakeLists.txt):
#   cmake -DHELP2MAN=... -DPROGRAM=<built binary> -DVERSION=<project version> -DSUMMARY=<one line>
#         -DINCLUDE=<.h2m file> [-DSUBCOMMANDS=mask,bench masks,...] -DOUTPUT=<page.1.gz>
#         -P make-manpage.cmake
# The program's own --help gives SYNOPSIS, DESCRIPTION and OPTIONS; each listed subcommand's --help
# is added verbatim as a COMMANDS section; INCLUDE adds the hand-written sections (EXAMPLES, FILES,
# SEE ALSO, ...). The first line of `PROGRAM --version` must be "<name> <VERSION>" (the rest, e.g.
# folk's LibTorch and FFTW versions, describes the build machine and stays out of the page).
cmake_minimum_required(VERSION 3.25)
foreach(var HELP2MAN PROGRAM VERSION SUMMARY INCLUDE OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "make-manpage.cmake: -D${var}=... is missing")
  endif()
endforeach()

# The GUI parses --help/--version after creating its QApplication: no display needed with this.
set(ENV{QT_QPA_PLATFORM} offscreen)
# The pages are in English whatever the build machine's locale or the GUI's saved language.
set(ENV{LC_ALL} C.UTF-8)
set(ENV{LANGUAGE} "")
set(ENV{FOLK_LANGUAGE} en)
get_filename_component(name "${PROGRAM}" NAME)
get_filename_component(workdir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${workdir}")

execute_process(COMMAND "${PROGRAM}" --version RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX REPLACE "\n.*" "" first_line "${out}")
if(NOT rc EQUAL 0 OR NOT first_line STREQUAL "${name} ${VERSION}")
  message(FATAL_ERROR "make-manpage.cmake: '${PROGRAM} --version' exited ${rc} and printed '${first_line}', "
                      "expected '${name} ${VERSION}' first\n${err}")
endif()

# roff-escape a block of program output for a .nf (no-fill) section.
function(folk_roff_verbatim text outvar)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${outvar} "${text}" PARENT_SCOPE)
endfunction()

file(READ "${INCLUDE}" include_text)
set(commands "")
if(DEFINED SUBCOMMANDS AND NOT SUBCOMMANDS STREQUAL "")
  string(REPLACE "," ";" subcommand_list "${SUBCOMMANDS}")
  string(APPEND commands "[COMMANDS]\nEach command has its own options; `${name} COMMAND --help` prints them.\n")
  foreach(sub IN LISTS subcommand_list)
    string(REPLACE " " ";" sub_args "${sub}")
    execute_process(COMMAND "${PROGRAM}" ${sub_args} --help RESULT_VARIABLE rc OUTPUT_VARIABLE help ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "make-manpage.cmake: '${PROGRAM} ${sub} --help' exited ${rc}\n${err}")
    endif()
    # CLI11 prints the program as it was called: show the installed name instead of the build path.
    string(REPLACE "${PROGRAM}" "${name}" help "${help}")
    string(STRIP "${help}" help)
    folk_roff_verbatim("${help}" help)
    string(APPEND commands ".SS \"${name} ${sub}\"\n.nf\n${help}\n.fi\n")
  endforeach()
endif()
set(generated_include "${OUTPUT}.h2m")
file(WRITE "${generated_include}" "${commands}${include_text}")

string(REGEX REPLACE "\\.gz$" "" page "${OUTPUT}")
execute_process(
  COMMAND "${HELP2MAN}" --no-info "--name=${SUMMARY}" "--version-string=${VERSION}"
          "--include=${generated_include}" "--output=${page}" "${PROGRAM}"
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "make-manpage.cmake: help2man failed for ${PROGRAM} (${rc})\n${err}")
endif()
# -n: no name or time stamp in the gzip header (reproducible, as lintian asks).
execute_process(COMMAND gzip -9nf "${page}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "make-manpage.cmake: gzip ${page} failed")
endif()
