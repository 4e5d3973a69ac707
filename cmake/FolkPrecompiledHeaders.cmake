# folk_precompile_headers(target header...): target_precompile_headers, plus what lets ccache share
# the objects built with the precompiled header between clones of the repository.
#
# ccache keys such a source by a checksum of the precompiled header, and a GCC .gch (or clang .pch)
# records the absolute paths of its build: every clone (CI's, a second work tree) would miss the
# cache for all torch-heavy sources. With ccache's pch_external_checksum (set by the compiler
# launcher in the top-level CMakeLists.txt) it hashes "<pch>.sum" instead, which this writes from
# what the precompiled header is made of: its headers, the compiler, the flags and LibTorch's
# version header (a LibTorch upgrade changes the key even without a new configure run).
function(folk_precompile_headers target)
  target_precompile_headers(${target} PRIVATE ${ARGN})
  find_file(FOLK_TORCH_VERSION_HEADER torch/version.h PATHS ${TORCH_INCLUDE_DIRS} NO_DEFAULT_PATH)
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${target}.dir")
  string(TOUPPER "${CMAKE_BUILD_TYPE}" config)
  set(recipe "${dir}/cmake_pch.recipe")
  file(GENERATE OUTPUT "${recipe}" CONTENT
       "${target} ${ARGN} ${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION} C++${CMAKE_CXX_STANDARD} \
${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${config}} $<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS> \
$<TARGET_PROPERTY:${target},COMPILE_OPTIONS>\n")
  set(inputs "${recipe}")
  if(FOLK_TORCH_VERSION_HEADER)
    list(APPEND inputs "${FOLK_TORCH_VERSION_HEADER}")
  endif()
  set(sums "${dir}/cmake_pch.hxx.gch.sum" "${dir}/cmake_pch.hxx.pch.sum")
  add_custom_command(
    OUTPUT ${sums}
    COMMAND ${CMAKE_COMMAND} "-DINPUTS=${inputs}" "-DOUTPUTS=${sums}" -P "${PROJECT_SOURCE_DIR}/cmake/FolkPchChecksum.cmake"
    DEPENDS ${inputs} "${PROJECT_SOURCE_DIR}/cmake/FolkPchChecksum.cmake"
    VERBATIM
    COMMENT "Precompiled-header checksum for ccache (${target})")
  add_custom_target(${target}_pch_checksum DEPENDS ${sums})
  add_dependencies(${target} ${target}_pch_checksum)
endfunction()
