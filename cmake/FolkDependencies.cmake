# Third-party dependencies of the engine and the CLI.
#
# On Debian they come from packages (scripts/setup-debian.sh) and are found the usual way. On a
# machine without Debian's packages — the GPU machines, which have PyTorch's LibTorch, a compiler
# and CMake but nothing else — FOLK_THIRD_PARTY_DIR names a folder that scripts/gpu-prepare.sh fills
# here (header-only nlohmann-json and CLI11, FFTW's and zlib's headers and shared libraries,
# googletest's sources), and FOLK_WITH_OPENCV=OFF builds the engine without image files.

option(FOLK_WITH_OPENCV "Read / write image files and augment with OpenCV (OFF: an engine-only build)" ON)
option(FOLK_WITH_DISTRIBUTED "Data-parallel training over c10d + Gloo when its headers are found" ON)
set(FOLK_THIRD_PARTY_DIR "" CACHE PATH "Carried headers and libraries for machines without Debian's packages")

if(FOLK_THIRD_PARTY_DIR)
  list(PREPEND CMAKE_INCLUDE_PATH "${FOLK_THIRD_PARTY_DIR}/include")
  list(PREPEND CMAKE_LIBRARY_PATH "${FOLK_THIRD_PARTY_DIR}/lib")
  # The carried shared libraries (FFTW) are found at run time next to where they were linked.
  list(APPEND CMAKE_BUILD_RPATH "${FOLK_THIRD_PARTY_DIR}/lib")
endif()

if(FOLK_WITH_OPENCV)
  find_package(OpenCV REQUIRED COMPONENTS core imgproc imgcodecs)
  # JPEG and TIFF headers are read with libjpeg and libtiff themselves, the libraries OpenCV decodes
  # those formats with (core/data/image_header.cpp); JPEG and PNG files are decoded with libjpeg
  # and libpng themselves, whose messages OpenCV lets reach stderr (core/data/jpeg_decode.cpp,
  # png_decode.cpp).
  find_package(JPEG REQUIRED)
  find_package(PNG REQUIRED)
  find_package(TIFF 4.5 REQUIRED)  # 4.5: error handlers per handle (TIFFOpenOptions)
else()
  if(FOLK_BUILD_GUI)
    message(FATAL_ERROR "FOLK_WITH_OPENCV=OFF is for engine-only builds: add -DFOLK_BUILD_GUI=OFF")
  endif()
  message(WARNING "FOLK_WITH_OPENCV=OFF: an engine-only build. Image files, augmentation and therefore "
                  "training on data are unavailable (clear errors at run time); the models, the method, "
                  "the batched masks and `folk bench step` work.")
  set(OpenCV_LIBS "")
  set(JPEG_LIBRARIES "")
  set(PNG_LIBRARIES "")
  set(TIFF_LIBRARIES "")
  set(OpenCV_INCLUDE_DIRS "")
endif()

find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(FFTW3 QUIET IMPORTED_TARGET fftw3 fftw3f)
endif()
if(NOT TARGET PkgConfig::FFTW3)
  find_path(FOLK_FFTW_INCLUDE_DIR fftw3.h REQUIRED)
  find_library(FOLK_FFTW_LIBRARY fftw3 REQUIRED)
  find_library(FOLK_FFTWF_LIBRARY fftw3f REQUIRED)
  add_library(PkgConfig::FFTW3 INTERFACE IMPORTED)
  target_include_directories(PkgConfig::FFTW3 INTERFACE "${FOLK_FFTW_INCLUDE_DIR}")
  target_link_libraries(PkgConfig::FFTW3 INTERFACE "${FOLK_FFTWF_LIBRARY}" "${FOLK_FFTW_LIBRARY}")
  message(STATUS "FFTW without pkg-config: ${FOLK_FFTWF_LIBRARY}")
endif()

# Header-only libraries: their CMake packages where installed, else the headers alone. With carried
# headers, the carried copy is the only one: a machine's own nlohmann-json of another version would
# reach some targets while others see the carried one (zlib's include folder is the same folder),
# and its ABI-tagged namespaces then fail the link (seen on the GPU machine: 3.11.3 there, 3.11.2 here).
if(NOT FOLK_THIRD_PARTY_DIR)
  find_package(nlohmann_json QUIET)
endif()
if(NOT TARGET nlohmann_json::nlohmann_json)
  find_path(FOLK_NLOHMANN_INCLUDE_DIR nlohmann/json.hpp REQUIRED)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  target_include_directories(nlohmann_json::nlohmann_json INTERFACE "${FOLK_NLOHMANN_INCLUDE_DIR}")
endif()
find_package(CLI11 QUIET)
if(NOT TARGET CLI11::CLI11)
  find_path(FOLK_CLI11_INCLUDE_DIR CLI/CLI.hpp REQUIRED)
  add_library(CLI11::CLI11 INTERFACE IMPORTED)
  target_include_directories(CLI11::CLI11 INTERFACE "${FOLK_CLI11_INCLUDE_DIR}")
endif()
find_package(ZLIB REQUIRED)
