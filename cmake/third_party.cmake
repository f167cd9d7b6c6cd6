# cmake/third_party.cmake — the third-party libraries of international text, as CMake targets the core links:
#   galley::harfbuzz  shaping. Native: Debian's libharfbuzz-dev (pkg-config harfbuzz, 6.0.0). Wasm: the unity TU
#                     src/harfbuzz.cc of Debian's source package harfbuzz 6.0.0+dfsg-3 (bookworm: the native
#                     package's own version), configured lean (below).
# Nothing here is copied into the repository: native builds use Debian's -dev packages (scripts/setup.sh installs
# them), wasm builds compile Debian's source packages, fetched at configure time into GALLEY_DEPS_DIR by
# scripts/fetch-debian-source.sh (pinned by version and suite, verified by apt), as ImGui's are.

set(GALLEY_DEPS_DIR "${CMAKE_SOURCE_DIR}/build/deps" CACHE PATH
    "Where Debian source packages are unpacked (scripts/fetch-debian-source.sh), shared by the presets")

# Fetches Debian's source package `package` at `version` from `suite` into GALLEY_DEPS_DIR/<package> (nothing when
# it is there already) and sets out_dir to that directory. Extra arguments go to the script (--upstream-only).
function(galley_debian_source package version suite out_dir)
  set(dir "${GALLEY_DEPS_DIR}/${package}")
  execute_process(COMMAND bash "${CMAKE_SOURCE_DIR}/scripts/fetch-debian-source.sh" "${package}" "${version}"
                          "${suite}" "${dir}" ${ARGN}
                  RESULT_VARIABLE fetch_result)
  if(NOT fetch_result EQUAL 0)
    message(FATAL_ERROR "Could not fetch Debian's source package ${package} ${version} (${suite}): "
                        "scripts/fetch-debian-source.sh failed")
  endif()
  set(${out_dir} "${dir}" PARENT_SCOPE)
endfunction()

if(NOT EMSCRIPTEN)
  find_package(PkgConfig REQUIRED)
endif()

# --- HarfBuzz ------------------------------------------------------------------------------------------------------
if(EMSCRIPTEN)
  galley_debian_source(harfbuzz 6.0.0+dfsg-3 bookworm GALLEY_HARFBUZZ_DIR)
  add_library(galley_harfbuzz STATIC "${GALLEY_HARFBUZZ_DIR}/src/harfbuzz.cc")
  target_include_directories(galley_harfbuzz SYSTEM PUBLIC "${GALLEY_HARFBUZZ_DIR}/src")
  # HarfBuzz's own HB_LEAN list (src/hb-config.hh) less what Galley needs: CFF (glyph extents of Noto CJK), bitmap
  # and colour tables (emoji PNGs: hb_ot_color_glyph_reference_png), metrics, and draw; plus HB_MINI (no AAT, no
  # legacy API), no threads, no unassigned-code-point data. One TU compiled for size: shaping is not the hot path.
  target_compile_definitions(galley_harfbuzz PRIVATE
    HB_DISABLE_DEPRECATED HB_NDEBUG HB_NO_ATEXIT HB_NO_BUFFER_MESSAGE HB_NO_BUFFER_SERIALIZE HB_NO_BUFFER_VERIFY
    HB_NO_ERRNO HB_NO_FACE_COLLECT_UNICODES HB_NO_GETENV HB_NO_HINTING HB_NO_LANGUAGE_LONG
    HB_NO_LANGUAGE_PRIVATE_SUBTAG HB_NO_LAYOUT_FEATURE_PARAMS HB_NO_LAYOUT_COLLECT_GLYPHS HB_NO_LAYOUT_RARELY_USED
    HB_NO_LAYOUT_UNUSED HB_NO_MATH HB_NO_META HB_NO_MMAP HB_NO_NAME HB_NO_OPEN HB_NO_SETLOCALE
    HB_NO_OT_FONT_GLYPH_NAMES HB_NO_OT_SHAPE_FRACTIONS HB_NO_STYLE HB_NO_SUBSET_LAYOUT HB_NO_VERTICAL HB_NO_VAR
    HB_MINI HB_NO_MT HB_NO_UCD_UNASSIGNED NDEBUG)
  target_compile_options(galley_harfbuzz PRIVATE -Oz)
else()
  pkg_check_modules(GALLEY_PC_HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz)
  add_library(galley_harfbuzz INTERFACE)
  target_link_libraries(galley_harfbuzz INTERFACE PkgConfig::GALLEY_PC_HARFBUZZ)
endif()
add_library(galley::harfbuzz ALIAS galley_harfbuzz)
