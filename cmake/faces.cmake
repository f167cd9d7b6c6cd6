# cmake/faces.cmake — reads the faces Galley ships and their slices from wasm/core/text/faces.def, the one list of
# them (C++ includes the same file), and sets:
#   GALLEY_FACE_FILES      the faces' file names without extension, in FontStyle order
#   GALLEY_SLICE_LAST      the last slice's index (FontSlice order); for each slice N, GALLEY_SLICE_N_SUFFIX its file
#                          suffix ("" for the first), GALLEY_SLICE_N_UNICODES its ranges ("U+0400-052F,...") and
#                          GALLEY_SLICE_N_SOURCES the face each style's slice is cut from, in FontStyle order
#   GALLEY_SLICE_N_CJK     for a CJK slice (its ranges begin with a CJK face, "SC:"): 1, and GALLEY_SLICE_N_INDEX the
#                          face's index in Noto CJK's collections, GALLEY_SLICE_N_UNICODES_FILE what it holds (written
#                          by scripts/cjk-slices.py, which ranks the "#a-b" characters from Unihan at configure time)
#   GALLEY_CJK_TIERS_DIR   where that script writes cjk_tiers.inc, the ranks font.cpp includes
#   GALLEY_FACES_JS        a JavaScript module that gives the page the same lists (copied into dist/ as faces.js),
#                          each slice marked `color` when cut from a colour face (GALLEY_COLOR_FACES: emoji)
set(GALLEY_FACES_DEF "${CMAKE_SOURCE_DIR}/wasm/core/text/faces.def")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${GALLEY_FACES_DEF}")
file(STRINGS "${GALLEY_FACES_DEF}" galley_face_lines REGEX "^GALLEY_FACE\\(")
file(STRINGS "${GALLEY_FACES_DEF}" galley_slice_lines REGEX "^GALLEY_SLICE\\(")
set(GALLEY_FACE_FILES)
set(galley_faces_entries "")
foreach(line ${galley_face_lines})
  if(NOT line MATCHES "^GALLEY_FACE\\(([A-Za-z]+), \"([^\"]+)\", \"([^\"]+)\", \"([^\"]+)\", ([0-9]+), (true|false)\\)$")
    message(FATAL_ERROR "faces.def: cannot read `${line}`")
  endif()
  list(APPEND GALLEY_FACE_FILES "${CMAKE_MATCH_2}")
  string(APPEND galley_faces_entries "  { style: '${CMAKE_MATCH_1}', file: '${CMAKE_MATCH_2}', family: '${CMAKE_MATCH_3}', "
         "generic: '${CMAKE_MATCH_4}', weight: ${CMAKE_MATCH_5}, italic: ${CMAKE_MATCH_6} },\n")
endforeach()
# The CJK slices' contents, from Unihan (Debian's unicode-data) and faces.def: see scripts/cjk-slices.py.
set(GALLEY_CJK_TIERS_DIR "${CMAKE_BINARY_DIR}/generated/cjk")
set(GALLEY_UNIHAN_DIR "/usr/share/unicode" CACHE PATH "Unicode's Unihan_*.txt.bz2 (Debian's unicode-data)")
find_program(GALLEY_ANY_PYTHON python3 REQUIRED)
execute_process(COMMAND "${GALLEY_ANY_PYTHON}" "${CMAKE_SOURCE_DIR}/scripts/cjk-slices.py" "${GALLEY_FACES_DEF}"
                        "${GALLEY_UNIHAN_DIR}" "${GALLEY_CJK_FONT_DIR}" "${GALLEY_CJK_TIERS_DIR}"
                RESULT_VARIABLE cjk_result)
if(NOT cjk_result EQUAL 0)
  message(FATAL_ERROR "scripts/cjk-slices.py failed: the CJK slices need Unihan and Noto CJK (scripts/setup.sh "
                      "installs unicode-data and fonts-noto-cjk)")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/scripts/cjk-slices.py")
include("${GALLEY_CJK_TIERS_DIR}/cjk-slices.cmake")
# Writes the run of slices being gathered (below) into faces.js's entries: one of them as itself, more as run(...).
macro(galley_end_slice_run)
  if(DEFINED galley_run_key AND NOT galley_run_key STREQUAL "")
    if(galley_run_first EQUAL galley_run_last)
      string(APPEND galley_slices_entries "${galley_run_entry}")
    else()
      string(REPLACE "@first@" "${galley_run_first}" run_args "${galley_run_args}")
      string(REPLACE "@last@" "${galley_run_last}" run_args "${run_args}")
      string(APPEND galley_slices_entries "  ...run(${run_args}),\n")
    endif()
  endif()
  set(galley_run_key "")
  set(galley_run_last -2)
endmacro()
set(galley_run_key "")
set(galley_run_last -2)
set(galley_slice_count 0)
set(galley_slices_entries "")
set(galley_slice_sources "")       # each distinct list of six source faces, as faces.js's SOURCES
set(galley_slice_sources_js "")
foreach(line ${galley_slice_lines})
  # CMake keeps nine groups of a match: the name first (the quoted fields are read as a list below). A CJK slice's
  # ranges begin with its face ("SC:") and may hold "#a-b" and "symbols" (scripts/cjk-slices.py).
  if(NOT line MATCHES "^GALLEY_SLICE\\(([A-Za-z0-9]+), \"[.a-z0-9-]*\", \"([A-Z]+:)?(U\\+[0-9A-F]+|#[0-9]+-[0-9]+|symbols)([-,U+#0-9A-F]|symbols)*\"(, \"[A-Za-z-]*\")(, \"[A-Za-z-]*\")(, \"[A-Za-z-]*\")(, \"[A-Za-z-]*\")\\)$")
    message(FATAL_ERROR "faces.def: cannot read `${line}`")
  endif()
  set(slice_name "${CMAKE_MATCH_1}")
  string(REGEX MATCHALL "\"[^\"]*\"" fields "${line}")
  string(REPLACE "\"" "" fields "${fields}")
  list(GET fields 0 suffix)
  list(GET fields 1 unicodes)
  set(n ${galley_slice_count})
  set(GALLEY_SLICE_${n}_SUFFIX "${suffix}")
  set(GALLEY_SLICE_${n}_UNICODES "${unicodes}")
  set(GALLEY_SLICE_${n}_CJK 0)
  set(css_range "${unicodes}")
  if(DEFINED GALLEY_CJK_SLICE_${slice_name}_INDEX)
    set(GALLEY_SLICE_${n}_CJK 1)
    set(GALLEY_SLICE_${n}_INDEX "${GALLEY_CJK_SLICE_${slice_name}_INDEX}")
    set(GALLEY_SLICE_${n}_UNICODES_FILE "${GALLEY_CJK_SLICE_${slice_name}_UNICODES_FILE}")
    set(css_range "${GALLEY_CJK_SLICE_${slice_name}_CSS_RANGE}")
  elseif(unicodes MATCHES "[:#]|symbols")
    message(FATAL_ERROR "faces.def: ${slice_name}: scripts/cjk-slices.py did not read it as a CJK slice")
  endif()
  # The script faces by style: Regular and Italic the serif one, Bold and BoldItalic its bold, Sans, SansBold, and
  # Mono the sans one (Noto Sans Mono has Latin, Greek and Cyrillic).
  list(GET fields 2 serif)
  list(GET fields 3 serif_bold)
  list(GET fields 4 sans)
  list(GET fields 5 sans_bold)
  set(script_faces "${serif}" "${serif}" "${serif_bold}" "${serif_bold}" "${sans}" "${sans_bold}" "${sans}")
  set(GALLEY_SLICE_${n}_SOURCES)
  set(sources_js "")
  foreach(style RANGE 6)
    list(GET script_faces ${style} script_face)
    list(GET GALLEY_FACE_FILES ${style} own_face)
    if(script_face STREQUAL "")
      set(script_face "${own_face}")
    endif()
    list(APPEND GALLEY_SLICE_${n}_SOURCES "${script_face}")
    string(APPEND sources_js "'${script_face}', ")
  endforeach()
  string(REGEX REPLACE ", $" "" sources_js "${sources_js}")
  # Slices share their lists of sources (all of Noto CJK's slices one): faces.js names each list once.
  list(FIND galley_slice_sources "${sources_js}" sources_index)
  if(sources_index EQUAL -1)
    list(LENGTH galley_slice_sources sources_index)
    list(APPEND galley_slice_sources "${sources_js}")
    string(APPEND galley_slice_sources_js "  [${sources_js}],\n")
  endif()
  math(EXPR galley_slice_count "${galley_slice_count} + 1")
  list(GET GALLEY_SLICE_${n}_SOURCES 0 first_source)
  set(color "")
  if(first_source IN_LIST GALLEY_COLOR_FACES)
    set(color ", color: true")
  endif()
  # A run of slices whose names and suffixes count up together (HanTC3 ".tc-3", HanTC4 ".tc-4", ...), with the same
  # faces and unicode-range, is one line of faces.js: run(name, first, last, suffix, sources, range).
  set(in_run 0)
  if(color STREQUAL "" AND slice_name MATCHES "^(.*[A-Za-z])([0-9]+)$")
    set(run_name "${CMAKE_MATCH_1}")
    set(run_number "${CMAKE_MATCH_2}")
    if(suffix MATCHES "^(.*[^0-9])${run_number}$")
      set(run_suffix "${CMAKE_MATCH_1}")
      set(run_key "${run_name}|${run_suffix}|${sources_index}|${css_range}")
      math(EXPR next_number "${galley_run_last} + 1")
      if(run_key STREQUAL galley_run_key AND run_number EQUAL next_number)
        set(galley_run_last ${run_number})
        set(in_run 1)
      else()
        galley_end_slice_run()
        set(galley_run_key "${run_key}")
        set(galley_run_first ${run_number})
        set(galley_run_last ${run_number})
        set(galley_run_args "'${run_name}', @first@, @last@, '${run_suffix}', ${sources_index}, '${css_range}'")
        set(galley_run_entry "  { slice: '${slice_name}', unicodeRange: '${css_range}',\n    files: files(${sources_index}, '${suffix}') },\n")
        set(in_run 1)
      endif()
    endif()
  endif()
  if(NOT in_run)
    galley_end_slice_run()
    string(APPEND galley_slices_entries "  { slice: '${slice_name}', unicodeRange: '${css_range}',\n"
           "    files: files(${sources_index}, '${suffix}')${color} },\n")
  endif()
endforeach()
galley_end_slice_run()
list(LENGTH GALLEY_FACE_FILES galley_face_count)
if(NOT galley_face_count EQUAL 7)
  message(FATAL_ERROR "faces.def: cmake/faces.cmake maps script faces to exactly seven styles")
endif()
math(EXPR GALLEY_SLICE_LAST "${galley_slice_count} - 1")
set(GALLEY_FACES_JS "${CMAKE_BINARY_DIR}/generated/faces.js")
# faces.js: the faces Galley ships, indexed by C++'s FontStyle, and the slices each is cut into, indexed by FontSlice,
# with each style's file of the slice (dist/fonts, without .ttf). A face slot is slice * FACES.length + style
# (galley_faces_used, galley_add_font); styles that share a slice's file (Italic's Arabic is Regular's) are asked for
# by the first of them. The text layer's "f" is a style. A colour slice (emoji, color: true) is one file for every
# style, whose text-layer family is COLOR_FAMILY. Every page loads it: its own comments are kept to a line (each of
# this paragraph's lines cost some 60 bytes brotli in the first view).
file(CONFIGURE OUTPUT "${GALLEY_FACES_JS}" CONTENT "// faces.js — written by cmake/faces.cmake (which says what it holds) from wasm/core/text/faces.def.
export const FACES = Object.freeze([
@galley_faces_entries@]);
const SOURCES = [  // each style's face, which a slice's suffix follows
@galley_slice_sources_js@];
const files = (sources, suffix) => Object.freeze(SOURCES[sources].map((face) => face + suffix));
const run = (slice, first, last, suffix, sources, unicodeRange) => Array.from({ length: last - first + 1 },
  (_, i) => ({ slice: slice + (first + i), unicodeRange, files: files(sources, suffix + (first + i)) }));
export const SLICES = Object.freeze([
@galley_slices_entries@]);
export const COLOR_FAMILY = 'Galley Color Emoji';
" @ONLY)
